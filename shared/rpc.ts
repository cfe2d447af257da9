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

/** Largest message a front may send to the engine: enough for any form, far below memory trouble. */
export const RPC_MAX_BYTES = 2 * 1024 * 1024;
