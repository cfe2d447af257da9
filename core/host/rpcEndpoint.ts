import { fail, type Result } from '../../shared/errors';
import { RPC_MAX_BYTES, RpcRequest, type RpcServerMessage } from '../../shared/rpc';
import type { RpcTarget } from './engineHost';

/**
 * One side of the contract's wire protocol, independent of transport: the web host feeds it
 * WebSocket frames, the Electron utility process feeds it MessagePort messages. Returns a function
 * to detach from the engine's events.
 */
export function attachRpcEndpoint(
  target: RpcTarget,
  send: (message: RpcServerMessage) => void,
): {
  receive(raw: unknown): Promise<void>;
  detach(): void;
} {
  const unsubscribe = target.subscribe((name, payload) => send({ kind: 'event', name, payload }));
  return {
    async receive(raw: unknown) {
      let message: unknown = raw;
      if (typeof raw === 'string') {
        if (raw.length > RPC_MAX_BYTES) return send(errorReply(-1, fail('invalid_args', 'call.tooLarge')));
        try {
          message = JSON.parse(raw);
        } catch {
          return send(errorReply(-1, fail('invalid_args', 'call.notJson')));
        }
      }
      const request = RpcRequest.safeParse(message);
      if (!request.success) {
        const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
        return send(errorReply(id, fail('invalid_args', 'call.malformed')));
      }
      const result = await target.call(request.data.name, request.data.args);
      send({ kind: 'result', id: request.data.id, result });
    },
    detach: unsubscribe,
  };
}

function errorReply(id: number, result: Result<unknown>): RpcServerMessage {
  return { kind: 'result', id, result };
}
