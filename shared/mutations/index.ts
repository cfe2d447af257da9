import { clientCreate } from './client';
import type { MutationDef } from './define';
import { incidentCreate, incidentUpdate } from './incident';

/** Every mutation the system knows. Sync carries them by name; adding one here is all it takes. */
export const mutations = {
  [clientCreate.name]: clientCreate,
  [incidentCreate.name]: incidentCreate,
  [incidentUpdate.name]: incidentUpdate,
} as unknown as Record<string, MutationDef<unknown>>;

export type MutationName = 'client.create' | 'incident.create' | 'incident.update';

export function findMutation(name: string): MutationDef<unknown> | undefined {
  return Object.hasOwn(mutations, name) ? mutations[name] : undefined;
}

export type { MutationContext, MutationDef, ReadSpec, TableName, TableRows, Write } from './define';
