import type { z } from 'zod';
import { clientCreate } from './client';
import { contractSet, platformCreate, platformDelete } from './contract';
import { budgetAdjust, budgetBuy, budgetMarkNotified } from './budget';
import { changeRequestSetStatus, changeRequestUpdate, incidentConvertToChangeRequest, incidentConvertToSupport } from './changeRequest';
import type { MutationDef } from './define';
import { incidentCreate, incidentUpdate } from './incident';
import { incidentMerge } from './merge';
import { incidentAssign, incidentNote, incidentReply, incidentSetCategory, incidentSetStatus } from './lifecycle';
import { monthClose, monthReopen } from './month';
import { settingsSet } from './settings';
import { timeDelete, timeLog, timerSplit, timerStart, timerStop, timeUpdate } from './time';

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
  platformDelete,
  timerStart,
  timerStop,
  timerSplit,
  timeLog,
  timeUpdate,
  timeDelete,
  budgetBuy,
  budgetAdjust,
  monthClose,
  monthReopen,
  incidentConvertToChangeRequest,
  incidentConvertToSupport,
  changeRequestUpdate,
  changeRequestSetStatus,
  incidentMerge,
  budgetMarkNotified,
] as const;

/** Every mutation the system knows. Sync carries them by name; adding one here is all it takes. */
export const mutations: Readonly<Record<string, MutationDef<unknown>>> = Object.fromEntries(
  ALL.map((m) => [m.name, m as unknown as MutationDef<unknown>]),
);

type AnyDefinition = (typeof ALL)[number];
export type MutationName = AnyDefinition['name'];
/** What a caller passes to mutation `N` (its schema's input: fields with defaults may be left out). */
export type MutationArgs<N extends MutationName> = z.input<Extract<AnyDefinition, { name: N }>['args']>;

export function findMutation(name: string): MutationDef<unknown> | undefined {
  return Object.hasOwn(mutations, name) ? mutations[name] : undefined;
}

export { authorize } from './permit';
export type { ListRead, MutationContext, MutationDef, ReadSpec, RowRead, TableName, TableRows, Write } from './define';
