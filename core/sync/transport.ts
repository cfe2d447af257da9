import type WebSocket from 'ws';
import type { z } from 'zod';
import { VangnetError, type ErrorCode, type MessageKey, type MessageParams } from '../../shared/errors';
import { isMessageKey } from '../../shared/messages/catalog';
import { AuditTrailResponse } from '../../shared/sync/auditTrail';
import {
  ChecksumsResponse,
  type PairRequest,
  PairResponse,
  type PullResponse,
  PullResponse as PullResponseSchema,
  type PushRequest,
  PushResponse,
  SERVER_TIME_HEADER,
} from '../../shared/sync/protocol';
import { RolledBackError, RolledBackProblem } from '../../shared/sync/rollback';
import { parseOrThrow } from '../../shared/validation';

/** A reply with the server's clock from its header, when it sent one (shared/sync/protocol.ts). */
export type Timed<T> = T & { serverTime?: number };

/** How the sync client reaches the office server; tests substitute a faulty network. */
export interface SyncTransport {
  pair(request: PairRequest): Promise<PairResponse>;
  push(request: PushRequest): Promise<Timed<PushResponse>>;
  pull(clientId: string, after: number, limit: number, bootstrap?: boolean): Promise<Timed<PullResponse>>;
  /** One table's rows after a seq, in pages like a pull: a table's current state, for repairing it. */
  pullTable(clientId: string, table: string, after: number, limit: number): Promise<PullResponse>;
  /** Every synced table's count and checksum, at the seq they hold at. */
  checksums(): Promise<ChecksumsResponse>;
  /** One page of an entity's server audit entries, newest first, older than `before` when given. */
  auditTrail(entityId: string, before: number | undefined, limit: number): Promise<AuditTrailResponse>;
  /** Opens the realtime channel: it only ever announces that a seq exists. */
  live(handlers: LiveHandlers): { close(): void };
}

export interface LiveHandlers {
  onOpen(): void;
  onPoke(seq: number): void;
  onClose(): void;
}

/**
 * A network failure (server unreachable) or a server asking to be left alone for a while (503 when
 * shedding load, 429 when this address spent its budget of failed attempts): the client is
 * offline, not wrong. `retryAfterMs`: the server's Retry-After, bounded; the next try waits that long.
 */
export class OfflineError extends VangnetError {
  /**
   * `detail` is for the log (the network's own words: never shown); what a person reads is the
   * message key, by default "cannot reach the office server", or the server's own (e.g. `server.busy`).
   */
  constructor(
    readonly detail: string,
    readonly retryAfterMs: number | null = null,
    reason: { key: MessageKey; params?: MessageParams } = { key: 'sync.offline', params: { server: '' } },
  ) {
    super('unavailable', reason.key, reason.params);
    this.name = 'OfflineError';
  }
}

/** The longest a server's Retry-After may hold back the laptop (a wrong header must not park it for days). */
export const RETRY_AFTER_MAX_MS = 5 * 60_000;

/** Retry-After (delay in seconds or an HTTP date) in milliseconds, bounded; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? null : Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_args',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid_args',
};

export function httpTransport(baseUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  async function request(method: string, path: string, body?: unknown): Promise<unknown> {
    return (await exchange(method, path, body)).json;
  }
  /** A request whose reply is parsed with `schema` and carries the server's clock along. */
  async function timed<T>(schema: z.ZodType<T>, what: string, method: string, path: string, body?: unknown): Promise<Timed<T>> {
    const { json, serverTime } = await exchange(method, path, body);
    const value = parseOrThrow(schema, json, what);
    return serverTime === undefined ? (value as Timed<T>) : { ...value, serverTime };
  }
  async function exchange(method: string, path: string, body?: unknown): Promise<{ json: unknown; serverTime?: number }> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new OfflineError(`Cannot reach ${base}: ${(err as Error).message}`, null, { key: 'sync.offline', params: { server: base } });
    }
    const clock = Number(response.headers.get(SERVER_TIME_HEADER) ?? NaN);
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // a proxy's HTML error page, say; reported below with the status
    }
    if (!response.ok) {
      const problem = json as { code?: string; detail?: string; key?: unknown; params?: MessageParams } | null;
      const rolledBack = problem?.code === 'rolled_back' ? RolledBackProblem.safeParse(problem) : null;
      if (rolledBack?.success) throw new RolledBackError(rolledBack.data);
      if (response.status >= 500 || response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const reason = isMessageKey(problem?.key)
          ? { key: problem.key, ...(problem.params ? { params: problem.params } : {}) }
          : { key: 'sync.serverError' as const, params: { status: response.status } };
        throw new OfflineError(problem?.detail ?? `Server error ${response.status}`, retryAfterMs, reason);
      }
      const code = (problem?.code as ErrorCode | undefined) ?? STATUS_CODES[response.status] ?? 'internal';
      // The server's own message key travels on, so the front shows its refusal in the user's language.
      if (isMessageKey(problem?.key)) throw new VangnetError(code, problem.key, problem.params);
      throw new VangnetError(code, 'sync.http', { status: response.status, detail: problem?.detail ?? '' });
    }
    return Number.isSafeInteger(clock) && clock > 0 ? { json, serverTime: clock } : { json };
  }
  return {
    async pair(body) {
      return parseOrThrow(PairResponse, await request('POST', '/sync/v1/pair', body), 'pairing response');
    },
    async push(body) {
      return timed(PushResponse, 'push response', 'POST', '/sync/v1/push', body);
    },
    async pull(clientId, after, limit, bootstrap = false) {
      const query = `after=${after}&limit=${limit}&clientId=${encodeURIComponent(clientId)}${bootstrap ? '&bootstrap=1' : ''}`;
      return timed(PullResponseSchema, 'pull response', 'GET', `/sync/v1/pull?${query}`);
    },
    async pullTable(clientId, table, after, limit) {
      const query = `after=${after}&limit=${limit}&clientId=${encodeURIComponent(clientId)}&table=${encodeURIComponent(table)}`;
      return parseOrThrow(PullResponseSchema, await request('GET', `/sync/v1/pull?${query}`), 'pull response');
    },
    async checksums() {
      return parseOrThrow(ChecksumsResponse, await request('GET', '/sync/v1/checksums'), 'checksums response');
    },
    async auditTrail(entityId, before, limit) {
      const query = `entityId=${encodeURIComponent(entityId)}&limit=${limit}${before === undefined ? '' : `&before=${before}`}`;
      return parseOrThrow(AuditTrailResponse, await request('GET', `/sync/v1/audit?${query}`), 'audit response');
    },
    live({ onOpen, onPoke, onClose }) {
      // ws (and with it https and tls) is loaded on the first live connection, not at every start:
      // most CLI commands never open one.
      let socket: WebSocket | null = null;
      let closed = false;
      void import('ws').then(
        ({ default: WebSocketClient }) => {
          if (closed) return;
          socket = openLive(WebSocketClient, `${base.replace(/^http/, 'ws')}/sync/v1/live`, token, { onOpen, onPoke, onClose });
        },
        () => onClose(),
      );
      return {
        close: () => {
          closed = true;
          socket?.close();
        },
      };
    },
  };
}

function openLive(
  WebSocketClient: typeof WebSocket,
  url: string,
  token: string | null,
  { onOpen, onPoke, onClose }: LiveHandlers,
): WebSocket {
  const socket = new WebSocketClient(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  socket.on('message', (data) => {
    try {
      const seq = Number((JSON.parse(data.toString()) as { seq?: unknown }).seq);
      if (Number.isFinite(seq)) onPoke(seq);
    } catch {
      // a malformed poke is ignored; the next pull catches up anyway
    }
  });
  socket.on('open', onOpen);
  socket.on('close', onClose);
  // A refused upgrade (e.g. 401 for a revoked token) arrives here; the close handler then runs.
  socket.on('unexpected-response', (_req, res) => {
    res.resume();
    socket.terminate();
  });
  socket.on('error', () => socket.terminate());
  return socket;
}
