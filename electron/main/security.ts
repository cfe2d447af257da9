import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, shell, type Session, type WebContents } from 'electron';
import { logger } from '../../core/log';
import { APP_HOST, APP_SCHEME, isAppUrl, isExternalWebUrl } from './appUrl';

const log = logger('electron-security');

/**
 * The window's Content Security Policy: only our own scripts, no plugins, no network beyond our
 * origin (the engine is reached over a MessagePort, not the network). `'unsafe-inline'` styles
 * are allowed because React sets inline `style` attributes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Must run before `app.ready`. `standard` gives app://vangnet a real origin (so 'self' and
 * relative URLs work), `secure` makes it a secure context, `supportFetchAPI` lets module scripts
 * load. It deliberately does not get `bypassCSP` or `corsEnabled`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

/**
 * Serves dist/renderer/ at app://vangnet/, with the CSP as a real response header. Paths that
 * escape the folder are refused; unknown extension-less paths fall back to index.html so a reload
 * on a client-side route still finds the app.
 */
export function serveRenderer(session: Session, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    let file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (path.extname(file) === '' && !(await isFile(file))) file = path.join(root, 'index.html');
    try {
      const body = await fs.readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (err) {
      log.warn({ path: relative, code: (err as NodeJS.ErrnoException).code }, 'renderer file not served');
      return notFound();
    }
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Session-wide rules. The CSP header also covers the dev server's responses (the app: scheme
 * sets it itself too). Every permission (camera, notifications from the page, geolocation, USB,
 * ...) is refused: the UI needs none, and notifications are shown by main, not the page.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every WebContents the app ever creates (wired in `web-contents-created`), so a
 * forgotten window cannot escape the rules: no navigation away from the app, no new windows, no
 * <webview>. Web links open in the user's browser; any other scheme is dropped.
 */
export function guardWebContents(contents: WebContents, devServer: URL | null): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview attachment refused');
  });
  contents.on('did-navigate', (_event, url) => {
    // Should be impossible given will-navigate; a loud log if it ever happens.
    if (!isAppUrl(url, devServer)) log.error({ url }, 'window is showing a page that is not the app');
  });
}

function openExternally(url: string): void {
  if (isExternalWebUrl(url)) {
    shell.openExternal(url).catch((err: unknown) => log.warn({ err, url }, 'could not open link'));
  } else {
    log.warn({ url }, 'navigation refused');
  }
}
