import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { RPC_SECRET_META, RPC_SECRET_PARAM } from '../../shared/rpc';

/**
 * Who may use the development web host. Any web page open in the user's browser can point a
 * WebSocket at 127.0.0.1, so the host lets in only pages it served itself in this run:
 * - `Host` must name the host by a loopback name and its port. A foreign name that resolves to
 *   127.0.0.1 (DNS rebinding) makes the attacker's page same-origin with us; refusing its `Host`
 *   keeps it from reading our page (and the secret in it) or opening the socket.
 * - `Origin` on the WebSocket must be one of those same addresses: browsers always send it.
 * - The socket's URL must carry the per-run secret, which only our page holds.
 */
export type Refusal = 'path' | 'host' | 'origin' | 'secret';

export interface WebHostGuard {
  /** `name:port` values a request's `Host` may carry: none until the host listens. */
  hosts: Set<string>;
  secret: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A guard with a new random secret that lets nothing in until `admitNames` gives it the port. */
export function createGuard(): WebHostGuard {
  return { hosts: new Set(), secret: randomBytes(32).toString('base64url') };
}

/** Lets in the names a browser may use for a host listening on `bound`:`port`. */
export function admitNames(guard: WebHostGuard, bound: string, port: number): void {
  const name = bound.includes(':') ? `[${bound}]` : bound;
  // A wildcard address is no name a browser uses; loopback names still reach it.
  const names = bound === '0.0.0.0' || bound === '::' ? LOOPBACK_NAMES : [name, ...LOOPBACK_NAMES];
  for (const n of names) guard.hosts.add(`${n.toLowerCase()}:${port}`);
}

export function hostAllowed(guard: WebHostGuard, headers: IncomingHttpHeaders): boolean {
  return guard.hosts.has((headers.host ?? '').toLowerCase());
}

/** Why an upgrade request must be refused, or null when it may open the RPC socket. */
export function refuseUpgrade(guard: WebHostGuard, url: string | undefined, headers: IncomingHttpHeaders): Refusal | null {
  const parsed = new URL(url ?? '/', 'http://upgrade.invalid');
  if (parsed.pathname !== '/rpc') return 'path';
  if (!hostAllowed(guard, headers)) return 'host';
  const origin = (headers.origin ?? '').toLowerCase();
  if (!origin.startsWith('http://') || !guard.hosts.has(origin.slice('http://'.length))) return 'origin';
  if (!sameSecret(parsed.searchParams.get(RPC_SECRET_PARAM) ?? '', guard.secret)) return 'secret';
  return null;
}

/** The page with the secret placed in its head. */
export function withSecret(html: string, guard: WebHostGuard): string {
  const meta = `<meta name="${RPC_SECRET_META}" content="${guard.secret}" />`;
  return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`);
}

/** Whether `given` is this run's secret (the test hooks ask for it like the socket does). */
export function secretMatches(guard: WebHostGuard, given: string): boolean {
  return sameSecret(given, guard.secret);
}

/** Compares digests, so neither a length nor a prefix leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
