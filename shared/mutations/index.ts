import { clientCreate } from './client';
import { contractSet, platformCreate } from './contract';
import type { MutationDef } from './define';
import { incidentCreate, incidentUpdate } from './incident';
import { incidentAssign, incidentNote, incidentReply, incidentSetCategory, incidentSetStatus } from './lifecycle';
import { settingsSet } from './settings';

const ALL = [
  clientCreate,
  incidentCreate,
  incidentUpdate,
  incidentSetStatus,
  incidentReply,
  incidentNote,
  incidentAssign,
  incidentSetCategory,
  contractSet,
  platformCreate,
  settingsSet,
] as const;

/** Every mutation the system knows. Sync carries them by name; adding one here is all it takes. */
export const mutations: Readonly<Record<string, MutationDef<unknown>>> = Object.fromEntries(
  ALL.map((m) => [m.name, m as unknown as MutationDef<unknown>]),
);

export type MutationName = (typeof ALL)[number]['name'];

export function findMutation(name: string): MutationDef<unknown> | undefined {
  return Object.hasOwn(mutations, name) ? mutations[name] : undefined;
}

export { authorize } from './permit';
export type { MutationContext, MutationDef, ReadSpec, TableName, TableRows, Write } from './define';
