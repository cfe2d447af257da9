import { RPC_SECRET_META, RPC_SECRET_PARAM, secretInPage } from '../../../shared/rpc';

/**
 * The dev web host lets a WebSocket in only with the secret it put into the page it served (see
 * `core/host/webHostGuard.ts`). A restarted host has a new secret, so a reconnect reads it again from
 * a fresh copy of the page: same origin, so this page may read it where no other page can.
 */
export function secretIn(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${RPC_SECRET_META}"]`)?.content ?? '';
}

/** The `/rpc` address on the origin that served this page, carrying the host's secret. */
export function rpcUrlFor(location: Location, secret: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/rpc?${RPC_SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

/** The address with the secret of the host running now, read from a fresh copy of the page. */
export async function currentRpcUrl(location: Location): Promise<string> {
  const res = await fetch(new URL('./', location.href), { cache: 'no-store' });
  if (!res.ok) throw new Error(`the web host answered ${res.status}`);
  return rpcUrlFor(location, secretInPage(await res.text()) ?? '');
}
