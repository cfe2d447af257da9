import fs from 'node:fs/promises';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { RPC_MAX_BYTES } from '../../shared/rpc';
import { logger } from '../log';
import type { RpcTarget } from './engineHost';
import { attachRpcEndpoint } from './rpcEndpoint';
import { RPC_SECRET_PARAM } from '../../shared/rpc';
import { admitNames, createGuard, hostAllowed, refuseUpgrade, secretMatches, type WebHostGuard, withSecret } from './webHostGuard';

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
  /** Only with VANGNET_TEST_HOOKS=1 (core/host/webMain.ts): what e2e tests may set that a browser cannot. */
  _testOnlyHooks?: WebHostTestHooks;
}

export interface WebHostTestHooks {
  /** The machine's idle seconds as the engine's idle detection reads them; it looks at once. */
  setIdleSeconds(seconds: number): void;
}

/**
 * The development web host: serves the built renderer to a browser and speaks the engine's
 * contract over a WebSocket at `/rpc`, exactly as the preload does over a MessagePort in Electron.
 * Only pages it served itself in this run get in (see `webHostGuard.ts`); everything else gets 403.
 */
export async function startWebHost(options: WebHostOptions): Promise<{ url: string; close(): Promise<void> }> {
  const rendererDir = path.resolve(options.rendererDir);
  const serve = sirv(rendererDir, { dev: true, etag: true });
  const guard = createGuard();
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!hostAllowed(guard, req.headers)) {
      log.warn({ host: req.headers.host, path: req.url?.split('?')[0] }, 'request refused: foreign Host');
      res.statusCode = 403;
      res.end('Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const pathname = url.pathname;
    if (options._testOnlyHooks && pathname === '/_testOnly/idle' && req.method === 'POST') {
      const seconds = Number(url.searchParams.get('seconds'));
      const allowed = secretMatches(guard, url.searchParams.get(RPC_SECRET_PARAM) ?? '');
      res.statusCode = !allowed ? 403 : Number.isFinite(seconds) && seconds >= 0 ? 204 : 400;
      if (res.statusCode === 204) options._testOnlyHooks.setIdleSeconds(seconds);
      res.end();
      return;
    }
    // Hash routing: the page is only ever asked for as `/` (or by its file name).
    if (pathname === '/' || pathname === '/index.html') {
      void servePage(res, rendererDir, guard);
      return;
    }
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: RPC_MAX_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const refusal = refuseUpgrade(guard, req.url, req.headers);
    if (refusal) return refuse(socket, refusal, req.headers);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
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
  admitNames(guard, host, port);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/** index.html with this run's secret; never cached, since the secret changes every run. */
async function servePage(res: http.ServerResponse, rendererDir: string, guard: WebHostGuard): Promise<void> {
  try {
    const html = await fs.readFile(path.join(rendererDir, 'index.html'), 'utf8');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(withSecret(html, guard));
  } catch (err) {
    log.error({ err, rendererDir }, 'cannot read index.html (was the renderer built?)');
    res.statusCode = 404;
    res.end('Not found');
  }
}

/** 403 on the raw socket: the upgrade never becomes a WebSocket. The secret is never logged. */
function refuse(socket: Duplex, refusal: string, headers: http.IncomingHttpHeaders): void {
  log.warn({ refusal, host: headers.host, origin: headers.origin }, 'WebSocket refused');
  socket.on('error', (err) => log.debug({ err }, 'refused socket error'));
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}
