import { CALL_NAMES, events, type EventName, type VangnetApi } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/errors';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface WebSocketApiOptions {
  /**
   * The socket's address, asked before every attempt (`retry` after the first): it carries the
   * host's per-run secret, which a restarted host has changed.
   */
  url: (retry: boolean) => Promise<string>;
  onStateChange?: (state: ConnectionState) => void;
  /** How long a call may wait for the socket to (re)open before it fails. */
  queueTimeoutMs?: number;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer?: ReturnType<typeof setTimeout>;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

/**
 * `VangnetApi` over the dev web host's WebSocket (`/rpc`), built generically from `CALL_NAMES` so a
 * new contract call needs no change here. Calls made while the socket is down wait in a queue; calls
 * already sent when the socket drops fail at once with `not_ready` (their effect is unknown, so the
 * UI must re-read rather than retry blindly). Reconnects with capped exponential backoff.
 */
export function createWebSocketApi(options: WebSocketApiOptions): VangnetApi {
  const queueTimeoutMs = options.queueTimeoutMs ?? 10_000;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const inFlight = new Map<number, Pending>();
  const queue: { id: number; frame: string; pending: Pending }[] = [];
  let socket: WebSocket | undefined;
  let nextId = 1;
  let backoff = MIN_BACKOFF_MS;
  let state: ConnectionState = 'connecting';

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    options.onStateChange?.(next);
  }

  function connect(retry: boolean): void {
    options.url(retry).then(open, retryLater);
  }

  function open(url: string): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      backoff = MIN_BACKOFF_MS;
      setState('connected');
      for (const item of queue.splice(0)) {
        clearTimeout(item.pending.timer);
        inFlight.set(item.id, item.pending);
        ws.send(item.frame);
      }
    });
    ws.addEventListener('message', (event) => receive(String(event.data)));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const [id, pending] of inFlight) {
        inFlight.delete(id);
        pending.resolve(fail('not_ready', 'call.connectionLost'));
      }
      retryLater();
    });
  }

  function retryLater(): void {
    setState('reconnecting');
    setTimeout(() => connect(true), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  function receive(raw: string): void {
    let message: { kind?: unknown; id?: unknown; result?: unknown; name?: unknown; payload?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (message.kind === 'result' && typeof message.id === 'number') {
      const pending = inFlight.get(message.id);
      if (!pending) return;
      inFlight.delete(message.id);
      pending.resolve(message.result as Result<unknown>);
    } else if (message.kind === 'event' && typeof message.name === 'string' && Object.hasOwn(events, message.name)) {
      const parsed = events[message.name as EventName].safeParse(message.payload);
      if (!parsed.success) return;
      for (const listener of listeners.get(message.name) ?? []) listener(parsed.data);
    }
  }

  function send(name: string, args: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'call', id, name, args: args ?? {} });
      const pending: Pending = { resolve };
      if (socket && socket.readyState === WebSocket.OPEN) {
        inFlight.set(id, pending);
        socket.send(frame);
        return;
      }
      pending.timer = setTimeout(() => {
        const index = queue.findIndex((item) => item.id === id);
        if (index >= 0) queue.splice(index, 1);
        resolve(fail('not_ready', 'call.unreachable'));
      }, queueTimeoutMs);
      queue.push({ id, frame, pending });
    });
  }

  const api: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const name of CALL_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    const target = (api[group] ??= {}) as Record<string, (args: unknown) => Promise<Result<unknown>>>;
    target[method] = (args) => send(name, args);
  }
  connect(false);
  // Built by name from the contract, so the compiler cannot see that the shape matches.
  return api as unknown as VangnetApi;
}
