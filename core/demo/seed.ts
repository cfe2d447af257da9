import { VangnetError } from '../../shared/errors';
import { countClients } from '../repos/clients';
import type { Engine } from '../engine/engine';
import { generateData } from './generator';
import { writeTransaction } from '../store/transaction';

export interface SeedResult {
  clients: number;
  incidents: number;
}

/**
 * Fills a store through the ordinary mutations (so the demo data has outbox and audit entries like
 * real work), in one transaction so a half-seeded store never exists.
 */
export function seedDemo(engine: Engine, options: { seed: number; clients: number; incidents: number }): SeedResult {
  if (countClients(engine.db) > 0) {
    throw new VangnetError('conflict', 'client.seeded');
  }
  // The engine's clock, not the machine's: a store whose clock is set (a test's) must not be handed
  // incidents opened after its "now", which the mutation refuses.
  const data = generateData({ ...options, until: new Date(engine.now()) });
  writeTransaction(engine.db, () => {
    for (const client of data.clients) engine.mutate('client.create', client);
    for (const contract of data.contracts) engine.mutate('contract.set', contract);
    for (const incident of data.incidents) engine.mutate('incident.create', incident);
    for (const step of data.transitions) engine.mutate('incident.setStatus', step);
  });
  return { clients: data.clients.length, incidents: data.incidents.length };
}
