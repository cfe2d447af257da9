import { clientBundle } from '../../shared/billing/clientBundle';
import { VangnetError } from '../../shared/errors';
import { localDateString, utcToLocal } from '../../shared/sla/zone';
import { countClients } from '../repos/clients';
import { budgetLinesFor, timeEntriesOfClient } from '../repos/budget';
import { contractsFor } from '../repos/lifecycle';
import type { Engine } from '../engine/engine';
import { generateData, prng, seededUuid } from './generator';
import { DEMO_ZONE, generateTimeEntries, quarterStart } from './timeData';
import { writeTransaction } from '../store/transaction';

export interface SeedResult {
  clients: number;
  incidents: number;
  timeEntries: number;
  bundlePurchases: number;
  changeRequests: number;
}

/** What is left of the demo's tightest bundle: just above the 10 % threshold, so the demo shows it coming. */
export const NEAR_THRESHOLD_LEFT = 0.12;

/**
 * Fills a store through the ordinary mutations (so the demo data has outbox and audit entries like
 * real work), in one transaction so a half-seeded store never exists: clients with contracts,
 * incidents, a quarter of time entries (core/demo/timeData.ts) and prepaid hours for the prepaid
 * clients — one bundle left just above its 10 % threshold, the others about half full.
 */
export function seedDemo(engine: Engine, options: { seed: number; clients: number; incidents: number }): SeedResult {
  if (countClients(engine.db) > 0) {
    throw new VangnetError('conflict', 'client.seeded');
  }
  const profile = engine.profile();
  if (!profile) throw new VangnetError('not_ready', 'profile.missing');
  // The engine's clock, not the machine's: a store whose clock is set (a test's) must not be handed
  // incidents opened after its "now", which the mutation refuses.
  const nowMs = engine.now();
  const start = quarterStart(nowMs);
  const days = Math.ceil((nowMs - start) / 86_400_000);
  const data = generateData({ ...options, until: new Date(nowMs), days });
  const rand = prng(options.seed + 1);
  const engineerIds = [profile.engineerId, seededUuid(rand), seededUuid(rand), seededUuid(rand)];
  const entries = generateTimeEntries(data, { rand, nowMs, engineerIds });
  let bundlePurchases = 0;
  let changeRequests = 0;
  writeTransaction(engine.db, () => {
    for (const client of data.clients) engine.mutate('client.create', client);
    for (const contract of data.contracts) engine.mutate('contract.set', contract);
    for (const incident of data.incidents) engine.mutate('incident.create', incident);
    for (const step of data.transitions) engine.mutate('incident.setStatus', step);
    for (const entry of entries) engine.mutate('time.log', entry);
    bundlePurchases = buyBundles(engine, data.contracts, rand, start);
    changeRequests = quoteChangeRequests(engine, data.incidents, rand);
  });
  return { clients: data.clients.length, incidents: data.incidents.length, timeEntries: entries.length, bundlePurchases, changeRequests };
}

/** Where the demo's change requests stand, in order: one of each, then drafts. */
const CR_STEPS: readonly (readonly ('sent' | 'accepted' | 'rejected')[])[] = [['sent'], ['sent', 'accepted'], ['sent', 'rejected'], []];
const CR_MAX = 6;
const EURO_PER_HOUR = 95;

/**
 * Change requests for the first new-functionality tickets: converted, estimated and quoted at
 * €95 an hour, then one sent, one accepted, one rejected and the rest drafts (the last without a
 * quote). Their time is change-request time already (the category set it), so no bundle changes.
 */
function quoteChangeRequests(engine: Engine, incidents: { id: string; category?: string | null }[], rand: () => number): number {
  const wishes = incidents.filter((i) => i.category === 'new_functionality').slice(0, CR_MAX);
  wishes.forEach(({ id }, i) => {
    const hours = 4 + Math.floor(rand() * 36);
    const last = i === wishes.length - 1 && i >= CR_STEPS.length;
    engine.mutate('incident.convertToChangeRequest', {
      id,
      estimateMinutes: hours * 60,
      ...(last ? {} : { quoteCents: hours * EURO_PER_HOUR * 100 }),
    });
    for (const to of CR_STEPS[i] ?? []) engine.mutate('changeRequest.setStatus', { id, to });
  });
  return wishes.length;
}

/** A purchase two weeks before the quarter for every prepaid client, sized on what the quarter drew. */
function buyBundles(
  engine: Engine,
  contracts: { clientId: string; terms: { costModel: string } }[],
  rand: () => number,
  start: number,
): number {
  const nowMs = engine.now();
  const drawn = contracts
    .filter((c) => c.terms.costModel === 'prepaid')
    .map((c) => {
      const bundle = clientBundle({
        lines: budgetLinesFor(engine.db, c.clientId),
        entries: timeEntriesOfClient(engine.db, c.clientId),
        contracts: contractsFor(engine.db, c.clientId),
        nowMs,
      });
      return { clientId: c.clientId, minutes: bundle.ledger.drawnMinutes };
    })
    .sort((a, b) => b.minutes - a.minutes);
  const purchasedOn = localDateString(utcToLocal(DEMO_ZONE, start - 14 * 86_400_000));
  const validThrough = `${Number(purchasedOn.slice(0, 4)) + 1}${purchasedOn.slice(4)}`;
  drawn.forEach(({ clientId, minutes }, i) => {
    // The busiest prepaid client is nearly through its hours; the others have about half left.
    const left = i === 0 ? NEAR_THRESHOLD_LEFT : 0.4 + rand() * 0.2;
    const hours = Math.max(10, Math.ceil(minutes / (1 - left) / 60));
    engine.mutate('budget.buy', { id: seededUuid(rand), clientId, minutes: hours * 60, purchasedOn, validThrough, note: 'Strippenkaart' });
  });
  return drawn.length;
}
