import { z } from 'zod';
import type { Result } from './errors';

/**
 * The wire envelopes for the contract, the same over Electron's MessagePort and the web host's
 * WebSocket. Requests carry a caller-chosen id; responses echo it.
 */
export const RpcRequest = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  args: z.unknown(),
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export interface RpcResponse {
  kind: 'result';
  id: number;
  result: Result<unknown>;
}

export interface RpcEvent {
  kind: 'event';
  name: string;
  payload: unknown;
}

export type RpcServerMessage = RpcResponse | RpcEvent;

/**
 * What a front hears about its link to the engine (shared/rpcClient.ts): `connected` each time the
 * link comes up, `lost` when it drops (calls sent and unanswered fail; new ones wait), `restarted`
 * when it comes up again after a loss — the engine (or the socket to it) is new, events were missed,
 * and the UI must read everything again.
 */
export type LinkEvent = 'connected' | 'lost' | 'restarted';

/** Largest message a front may send to the engine: enough for any form, far below memory trouble. */
export const RPC_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The development web host's per-run secret: it puts the secret into the page it serves, in a
 * `<meta name=…>` tag (the CSP forbids inline scripts), and refuses an `/rpc` WebSocket whose URL
 * does not carry it as `?secret=`. A page from another origin cannot read ours, so cannot learn it.
 */
export const RPC_SECRET_META = 'vangnet-rpc-secret';
export const RPC_SECRET_PARAM = 'secret';

/** The secret in the text of the host's page (as `withSecret` in core/host/webHostGuard.ts writes it). */
export function secretInPage(html: string): string | undefined {
  return new RegExp(`<meta name="${RPC_SECRET_META}" content="([\\w-]+)"`).exec(html)?.[1];
}
