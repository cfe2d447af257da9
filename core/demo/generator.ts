import type { ClientCreateArgs } from '../../shared/mutations/client';
import type { IncidentCreateArgs } from '../../shared/mutations/incident';
import { CLIENT_NAMES, INCIDENT_DETAILS, INCIDENT_TITLES } from './names';

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same data set. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID drawn from the PRNG (deterministic, unlike crypto.randomUUID). */
export function seededUuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface GeneratorOptions {
  seed: number;
  clients: number;
  incidents: number;
  /** Incidents are spread over the `days` before `until`. */
  until: Date;
  days?: number;
}

export interface GeneratedData {
  clients: ClientCreateArgs[];
  incidents: IncidentCreateArgs[];
}

/**
 * Clients and incidents shaped like a Dutch agency's support desk: a few busy clients and a long
 * tail, most incidents in office hours, P1s rare. Deterministic for a given seed.
 */
export function generateData(options: GeneratorOptions): GeneratedData {
  const rand = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const clients: ClientCreateArgs[] = [];
  for (let i = 0; i < options.clients; i += 1) {
    const [name, code] = CLIENT_NAMES[i % CLIENT_NAMES.length] as readonly [string, string];
    const round = Math.floor(i / CLIENT_NAMES.length);
    clients.push({
      id: seededUuid(rand),
      name: round === 0 ? name : `${name} ${round + 1}`,
      code: round === 0 ? code : `${code}-${round + 1}`,
    });
  }
  const incidents: IncidentCreateArgs[] = [];
  const spanMs = (options.days ?? 60) * 86_400_000;
  const untilMs = options.until.getTime();
  for (let i = 0; i < options.incidents && clients.length > 0; i += 1) {
    // Squaring skews the pick toward the first clients: a few clients send most tickets.
    const client = clients[Math.floor(rand() ** 2 * clients.length)] as ClientCreateArgs;
    const [title, priority] = pick(INCIDENT_TITLES);
    const day = Math.floor(rand() * spanMs);
    const opened = new Date(untilMs - day);
    opened.setUTCHours(7 + Math.floor(rand() * 10), Math.floor(rand() * 60), 0, 0);
    const openedAt = new Date(Math.min(opened.getTime(), untilMs)).toISOString();
    const detail = pick(INCIDENT_DETAILS).replace('{time}', openedAt.slice(11, 16));
    incidents.push({ id: seededUuid(rand), clientId: client.id, title, priority, description: detail, openedAt });
  }
  return { clients, incidents };
}
