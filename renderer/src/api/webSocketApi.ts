import { events, type EventName, type VangnetApi } from '../../../shared/contract';
import { createRpcClient } from '../../../shared/rpcClient';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface WebSocketApiOptions {
  /**
   * The socket's address, asked before every attempt (`retry` after the first): it carries the
   * host's per-run secret, which a restarted host has changed.
   */
  url: (retry: boolean) => Promise<string>;
  /** How long a call may wait for the socket to (re)open before it fails. */
  queueTimeoutMs?: number;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

/**
 * `VangnetApi` over the dev web host's WebSocket (`/rpc`): the transport for shared/rpcClient.ts,
 * which keeps the calls, events and `connected`/`lost`/`restarted` exactly as the Electron preload
 * does. Here only the socket: JSON frames, events checked against the contract's schemas (the page
 * has zod anyway), and reconnects with capped exponential backoff.
 */
export function createWebSocketApi(options: WebSocketApiOptions): VangnetApi {
  const client = createRpcClient({
    queueTimeoutMs: options.queueTimeoutMs,
    acceptEvent(name: EventName, payload: unknown) {
      const parsed = events[name].safeParse(payload);
      return parsed.success ? parsed.data : undefined;
    },
  });
  let backoff = MIN_BACKOFF_MS;

  function connect(retry: boolean): void {
    options.url(retry).then(open, retryLater);
  }

  function open(url: string): void {
    const ws = new WebSocket(url);
    let attached = false;
    ws.addEventListener('open', () => {
      backoff = MIN_BACKOFF_MS;
      attached = true;
      client.attach({ send: (request) => ws.send(JSON.stringify(request)) });
    });
    ws.addEventListener('message', (event) => {
      try {
        client.receive(JSON.parse(String(event.data)));
      } catch {
        // Not JSON: not from our host.
      }
    });
    ws.addEventListener('close', () => {
      if (attached) client.detach();
      retryLater();
    });
  }

  function retryLater(): void {
    setTimeout(() => connect(true), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  connect(false);
  return client.api;
}
