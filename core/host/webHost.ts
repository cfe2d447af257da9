import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { RPC_MAX_BYTES } from '../../shared/rpc';
import { logger } from '../log';
import type { RpcTarget } from './engineHost';
import { attachRpcEndpoint } from './rpcEndpoint';

const log = logger('web-host');

/** The same CSP the Electron window gets, plus the WebSocket back to this host. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebHostOptions {
  /** The engine's calls and events: `createEngineHost` in the app, `engineTarget(engine)` in tests. */
  target: RpcTarget;
  rendererDir: string;
  port: number;
  host?: string;
}

/**
 * The development web host: serves the built renderer to a browser and speaks the engine's
 * contract over a WebSocket at `/rpc`, exactly as the preload does over a MessagePort in Electron.
 */
export async function startWebHost(options: WebHostOptions): Promise<{ url: string; close(): Promise<void> }> {
  const serve = sirv(path.resolve(options.rendererDir), { single: true, dev: true, etag: true });
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  const wss = new WebSocketServer({ server, path: '/rpc', maxPayload: RPC_MAX_BYTES });
  wss.on('connection', (socket) => {
    const endpoint = attachRpcEndpoint(options.target, (message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    socket.on('message', (data) => void endpoint.receive(data.toString()));
    socket.on('close', () => endpoint.detach());
    socket.on('error', (err) => log.warn({ err }, 'socket error'));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
