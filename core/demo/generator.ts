import { contractTemplate, type CostModel } from '../../shared/domain/contract';
import type { IncidentStatus } from '../../shared/domain/incident';
import type { ClientCreateArgs } from '../../shared/mutations/client';
import type { ContractSetArgs } from '../../shared/mutations/contract';
import type { IncidentCreateArgs } from '../../shared/mutations/incident';
import { CLIENT_NAMES, INCIDENT_DETAILS, INCIDENT_TITLES, TITLE_CATEGORIES } from './names';

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

/**
 * A UUID drawn from the PRNG (deterministic, unlike crypto.randomUUID). With `ms` it is shaped like
 * the app's own version-7 ids — time first, so ids made later sort later, as in real stores.
 */
export function seededUuid(rand: () => number, ms?: number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  if (ms !== undefined) hex.splice(0, 12, ...Math.floor(ms).toString(16).padStart(12, '0').slice(-12).split(''));
  hex[12] = ms === undefined ? '4' : '7';
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
  contracts: ContractSetArgs[];
  incidents: IncidentCreateArgs[];
  /** Lifecycle steps, in time order per incident: most old incidents are resolved and closed. */
  transitions: { id: string; to: IncidentStatus; at: string }[];
}

const COST_MODELS: readonly CostModel[] = ['all_in', 'subscription', 'prepaid'];
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Where an incident of this age has got to; older ones are done, recent ones still being worked. */
function lifecycle(rand: () => number, openedMs: number, untilMs: number): { to: IncidentStatus; at: number }[] {
  const steps: { to: IncidentStatus; at: number }[] = [];
  const add = (to: IncidentStatus, at: number) => {
    if (at <= untilMs) steps.push({ to, at });
    return at <= untilMs;
  };
  const ageDays = (untilMs - openedMs) / (24 * HOUR);
  const roll = rand();
  if (ageDays < 3 && roll < 0.3) return steps; // still new
  let t = openedMs + (5 + rand() * 85) * MIN;
  if (!add('acknowledged', t)) return steps;
  if (ageDays < 3 && roll < 0.45) return steps;
  t += (10 + rand() * 110) * MIN;
  if (!add('in_progress', t)) return steps;
  // Recent incidents wait on the client more often: the demo should show paused clocks.
  if (rand() < (ageDays < 3 ? 0.5 : 0.25)) {
    t += (1 + rand() * 6) * HOUR;
    if (!add('waiting_on_client', t)) return steps;
    if (ageDays < 3 && roll < 0.6) return steps;
    t += (2 + rand() * 30) * HOUR;
    if (!add('in_progress', t)) return steps;
  }
  if (ageDays < 3 && roll < 0.85) return steps;
  t += (1 + rand() * 40) * HOUR;
  if (!add('resolved', t)) return steps;
  add('closed', t + 2 * 24 * HOUR);
  return steps;
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
  const yearBefore = new Date(options.until.getTime() - 365 * 24 * HOUR).toISOString().slice(0, 10);
  const contracts: ContractSetArgs[] = clients.map((client, i) => ({
    id: seededUuid(rand),
    clientId: client.id,
    effectiveFrom: yearBefore,
    terms: contractTemplate(COST_MODELS[i % COST_MODELS.length] as CostModel),
  }));
  const incidents: IncidentCreateArgs[] = [];
  const transitions: GeneratedData['transitions'] = [];
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
    // Ids are made in creation order, a millisecond apart, as the app's v7 ids would be.
    const id = seededUuid(rand, untilMs - (options.incidents - i));
    incidents.push({ id, clientId: client.id, title, priority, description: detail, openedAt, category: TITLE_CATEGORIES[title] ?? null });
    for (const step of lifecycle(rand, Date.parse(openedAt), untilMs))
      transitions.push({ id, to: step.to, at: new Date(step.at).toISOString() });
  }
  return { clients, contracts, incidents, transitions };
}
