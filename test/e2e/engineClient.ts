import WebSocket from 'ws';
import type { ArgsIn, CallName, ResultOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { RPC_SECRET_PARAM, secretInPage } from '../../shared/rpc';

/**
 * A test's own line to the engine: the same `/rpc` WebSocket the renderer uses, from Node. Used to
 * seed data quickly and to check what the engine stored, independent of what the UI shows.
 */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { kind: string; id?: number; result?: Result<unknown> };
      if (message.kind !== 'result' || message.id === undefined) return;
      this.pending.get(message.id)?.(message.result as Result<unknown>);
      this.pending.delete(message.id);
    });
  }

  /** Connects as the page does: with the secret from the page the host serves, from its origin. */
  static async connect(hostUrl: string): Promise<EngineClient> {
    const secret = await pageSecret(hostUrl);
    const socket = new WebSocket(`${hostUrl.replace(/^http/, 'ws')}/rpc?${RPC_SECRET_PARAM}=${secret}`, { origin: hostUrl });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new EngineClient(socket);
  }

  /** The raw Result, for tests about refusals. */
  result<N extends CallName>(name: N, args: ArgsIn<N>): Promise<Result<ResultOf<N>>> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve as (result: Result<unknown>) => void);
      this.socket.send(JSON.stringify({ kind: 'call', id, name, args }));
    });
  }

  /** The value, or a thrown error naming the call: for seeding, where a refusal is a test bug. */
  async call<N extends CallName>(name: N, args: ArgsIn<N>): Promise<ResultOf<N>> {
    const result = await this.result(name, args);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  close(): void {
    this.socket.close();
  }
}

/** The web host's per-run secret, read from its page as the renderer reads it. */
export async function pageSecret(hostUrl: string): Promise<string> {
  const html = await (await fetch(`${hostUrl}/`)).text();
  const secret = secretInPage(html);
  if (!secret) throw new Error(`the web host's page carries no secret: ${html.slice(0, 200)}`);
  return secret;
}
