import type { z } from 'zod';
import type { Result } from './errors';
import type { LinkEvent } from './rpc';
import { appCalls } from './contract/app';
import { budgetCalls } from './contract/budget';
import { changeRequestCalls } from './contract/changeRequests';
import { bundlingCalls } from './contract/bundling';
import { clientCalls } from './contract/clients';
import { contractCalls } from './contract/contracts';
import { events } from './contract/events';
import { incidentCalls } from './contract/incidents';
import { reportCalls } from './contract/reports';
import { settingsCalls } from './contract/settings';
import { statementCalls } from './contract/statement';
import { storeCalls } from './contract/store';
import { syncCalls } from './contract/sync';
import { timeCalls } from './contract/time';
import { monthCalls } from './contract/month';
import { idleCalls } from './contract/idle';

/**
 * The one contract between the UI (and every other front) and the engine. Each call has an
 * argument schema, validated where it enters the engine, and a result schema; they are written per
 * domain in shared/contract/*.ts and put together here. The preload, the web host's WebSocket
 * client, the engine's handlers and the renderer's slices all derive their types from this
 * object; nothing is typed twice. The preload imports only shared/contract/names.ts (no schemas).
 */
export const contract = {
  ...appCalls,
  ...clientCalls,
  ...incidentCalls,
  ...contractCalls,
  ...syncCalls,
  ...storeCalls,
  ...settingsCalls,
  ...timeCalls,
  ...idleCalls,
  ...budgetCalls,
  ...statementCalls,
  ...monthCalls,
  ...changeRequestCalls,
  ...bundlingCalls,
  ...reportCalls,
} as const;

export { events };
export { AppInfo, EngineerSummary, Profile } from './contract/app';
export { ClientCreateInput, ClientSummary } from './contract/clients';
export {
  INCIDENT_PAGE_MAX,
  INCIDENT_SORTS,
  IncidentCreateInput,
  IncidentDetail,
  IncidentListQuery,
  IncidentListRow,
  IncidentPage,
  IncidentUpdateInput,
} from './contract/incidents';
export { AuditHistoryResult, SyncRound, SyncStatus } from './contract/sync';

type Calls = typeof contract;
export type Group = keyof Calls;
export type CallName = { [G in Group]: `${G}.${keyof Calls[G] & string}` }[Group];
type Def<N extends CallName> = N extends `${infer G}.${infer M}`
  ? G extends Group
    ? M extends keyof Calls[G]
      ? Calls[G][M]
      : never
    : never
  : never;
type ArgsSchema<N extends CallName> = Def<N> extends { args: infer A extends z.ZodType } ? A : never;
type ResultSchema<N extends CallName> = Def<N> extends { result: infer R extends z.ZodType } ? R : never;

/** What a caller passes (defaults may be left out). */
export type ArgsIn<N extends CallName> = z.input<ArgsSchema<N>>;
/** What a handler receives after validation. */
export type ArgsOut<N extends CallName> = z.output<ArgsSchema<N>>;
export type ResultOf<N extends CallName> = z.output<ResultSchema<N>>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** The object the preload exposes as `window.vangnet`, and the web host's client mirrors. */
export type VangnetApi = {
  [G in Group]: {
    [M in keyof Calls[G] & string]: (args: ArgsIn<`${G}.${M}` & CallName>) => Promise<Result<ResultOf<`${G}.${M}` & CallName>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The link to the engine; a listener added while connected hears `connected` at once. */
  onLink(listener: (event: LinkEvent) => void): () => void;
};

/** The engine's side: one handler per call, receiving validated arguments. */
export type Handlers = {
  [G in Group]: {
    [M in keyof Calls[G] & string]: (
      args: ArgsOut<`${G}.${M}` & CallName>,
    ) => ResultOf<`${G}.${M}` & CallName> | Promise<ResultOf<`${G}.${M}` & CallName>>;
  };
};

export { CALL_NAMES, EVENT_NAMES, isEventName } from './contract/names';

export function lookupCall(name: string): { args: z.ZodType; result: z.ZodType } | undefined {
  const [group, method, ...rest] = name.split('.');
  if (!group || !method || rest.length > 0 || !Object.hasOwn(contract, group)) return undefined;
  const calls = contract[group as Group] as Record<string, { args: z.ZodType; result: z.ZodType }>;
  return Object.hasOwn(calls, method) ? calls[method] : undefined;
}
