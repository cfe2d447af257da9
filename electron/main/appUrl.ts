import path from 'node:path';

/**
 * Where the renderer is loaded from, and the one test of "is this our page?" that the IPC sender
 * check, the port hand-off and navigation guards all use.
 *
 * The built renderer is served from a custom `app://vangnet/` scheme rather than file://. A CSP set
 * with `session.webRequest.onHeadersReceived` is not applied to file:// pages (Electron's security
 * guide: "CSP meta tag"), file:// gives the page an opaque origin so `'self'` means little, and
 * a Vite build with absolute asset paths would not resolve under file://. The custom scheme gets a
 * real origin and our own response headers.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vangnet';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The bundle is CommonJS in dist/electron/, next to the other bundles and dist/renderer/. */
export const DIST_ELECTRON_DIR = __dirname;
export const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
export const PRELOAD_FILE = path.join(__dirname, 'preload.cjs');
export const CORE_FILE = path.join(__dirname, 'core.cjs');
export const ICONS_DIR = path.join(__dirname, 'icons');

/**
 * A Vite dev server, for renderer work with hot reload. Only honoured in an unpackaged app so that
 * an environment variable can never point an installed app at a foreign page.
 */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): URL | null {
  const raw = env.VANGNET_DEV_SERVER_URL;
  if (isPackaged || !raw) return null;
  const url = new URL(raw);
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(`VANGNET_DEV_SERVER_URL must be an http://localhost URL, got ${raw}`);
  }
  return url;
}

/**
 * True for our own page only. Compares scheme and host by hand: Node's URL reports the origin of
 * a non-special scheme such as app: as "null", so origins cannot be compared.
 */
export function isAppUrl(raw: string | undefined, devServer: URL | null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devServer !== null && url.protocol === devServer.protocol && url.host === devServer.host;
}

/** Only web links leave the app, and only to the user's browser. */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
