import type { CallName, EventName, VangnetApi } from './contract';
import { CALL_NAMES, isEventName } from './contract/names';
import { fail, type Result } from './errors';
import type { LinkEvent, RpcRequest } from './rpc';

/**
 * The one client side of the contract's wire protocol (shared/rpc.ts), used by the Electron preload
 * over a MessagePort and by the renderer over the web host's WebSocket. The transport only says
 * when a link is up (`attach`), when it is gone (`detach`) and what arrived (`receive`); the
 * client keeps the calls, the events and the link's story:
 *
 * - a call made with no link waits in order, up to `queueTimeoutMs`, then fails `not_ready`;
 * - a call already sent when the link goes fails at once with `not_ready`: its effect is unknown
 *   (the engine may have saved it before it went), so the UI re-reads instead of retrying blindly;
 * - `connected` on every attach, `lost` on detach, and `restarted` on an attach after the first
 *   (events were missed: the UI reloads what it shows).
 *
 * Schema-free on purpose (names only): the sandboxed preload bundles this and must stay small.
 */

// shared/ sees neither Node's nor the DOM's globals; every host of this client has these two.
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

/** One way to the engine. `send` throws when the request cannot be carried (e.g. not cloneable). */
export interface RpcLink {
  send(request: RpcRequest): void;
}

export interface RpcClientOptions {
  /** How long a call may wait for a link before it fails. */
  queueTimeoutMs?: number;
  /** Checks (and may normalise) an event's payload; `undefined` drops the event. Default: trust it. */
  acceptEvent?(name: EventName, payload: unknown): unknown;
  /** A listener threw: the others still hear the event. */
  onListenerError?(name: string, err: unknown): void;
}

export interface RpcClient {
  api: VangnetApi;
  attach(link: RpcLink): void;
  detach(): void;
  /** A message from the engine: a call's result or an event. Anything else is ignored. */
  receive(message: unknown): void;
  /** Raises an event that comes from the shell itself, not the engine (`shell.openIncident`). */
  emit(name: EventName, payload: unknown): void;
}

interface Pending {
  request: RpcRequest;
  resolve(result: Result<unknown>): void;
  /** True once written to a link. */
  sent: boolean;
  timer?: unknown;
}


export function createRpcClient(options: RpcClientOptions = {}): RpcClient {
  const queueTimeoutMs = options.queueTimeoutMs ?? 10_000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(event: LinkEvent) => void>();
  let link: RpcLink | null = null;
  let attachedBefore = false;
  let nextId = 1;

  function tell(set: Iterable<(value: never) => void>, name: string, value: unknown): void {
    for (const listener of [...set] as ((value: unknown) => void)[]) {
      try {
        listener(value);
      } catch (err) {
        options.onListenerError?.(name, err);
      }
    }
  }

  function settle(entry: Pending, result: Result<unknown>): void {
    clearTimeout(entry.timer);
    pending.delete(entry.request.id);
    entry.resolve(result);
  }

  function write(entry: Pending, to: RpcLink): void {
    try {
      to.send(entry.request);
      clearTimeout(entry.timer);
      entry.sent = true;
    } catch (err) {
      // Arguments that cannot be carried (functions, DOM nodes) fail here, not in the engine.
      settle(entry, fail('invalid_args', 'call.cannotSend', { detail: err instanceof Error ? err.message : String(err) }));
    }
  }

  function call(name: CallName, args: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = nextId++;
      const entry: Pending = { request: { kind: 'call', id, name, args: args ?? {} }, resolve, sent: false };
      pending.set(id, entry);
      if (link) return write(entry, link);
      entry.timer = setTimeout(() => settle(entry, fail('not_ready', 'call.unreachable')), queueTimeoutMs);
    });
  }

  function detach(): void {
    if (!link) return;
    link = null;
    for (const entry of [...pending.values()]) if (entry.sent) settle(entry, fail('not_ready', 'call.connectionLost'));
    tell(linkListeners, 'link', 'lost');
  }

  function attach(next: RpcLink): void {
    // A new link while one is up: the old one is gone, with whatever was sent on it.
    detach();
    link = next;
    const restarted = attachedBefore;
    attachedBefore = true;
    // Waiting calls go out in the order they were made (a Map keeps insertion order).
    for (const entry of [...pending.values()]) if (!entry.sent && link === next) write(entry, next);
    tell(linkListeners, 'link', 'connected');
    if (restarted) tell(linkListeners, 'link', 'restarted');
  }

  function emit(name: EventName, payload: unknown): void {
    const accepted = options.acceptEvent ? options.acceptEvent(name, payload) : payload;
    if (accepted === undefined) return;
    tell(listeners.get(name) ?? [], name, accepted);
  }

  function receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { kind?: unknown; id?: unknown; result?: unknown; name?: unknown; payload?: unknown };
    if (m.kind === 'result' && typeof m.id === 'number') {
      const entry = pending.get(m.id);
      if (entry?.sent) settle(entry, m.result as Result<unknown>);
    } else if (m.kind === 'event' && typeof m.name === 'string' && isEventName(m.name)) {
      emit(m.name, m.payload);
    }
  }

  const api: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onLink(listener: (event: LinkEvent) => void): () => void {
      linkListeners.add(listener);
      if (link) tell([listener], 'link', 'connected');
      return () => linkListeners.delete(listener);
    },
  };
  // One named method per contract call, generated from the names so a new call needs no edit here.
  for (const name of CALL_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    const target = (api[group] ??= {}) as Record<string, (args: unknown) => Promise<Result<unknown>>>;
    target[method] = (args) => call(name, args);
  }
  // Built by name, so the compiler cannot see that the shape matches VangnetApi.
  return { api: api as unknown as VangnetApi, attach, detach, receive, emit };
}
