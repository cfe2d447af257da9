import { z } from 'zod';
import { AuditEntry } from './domain/audit';
import { Client, CLIENT_NAME_MAX, ClientCode } from './domain/client';
import { Id, IsoTime, line, text } from './domain/common';
import { Contract, ContractTerms, CostModel } from './domain/contract';
import { Category, Incident, IncidentDescription, IncidentStatus, IncidentTitle, Priority } from './domain/incident';
import { MessageBody, TimelineEntry } from './domain/lifecycle';
import { Platform } from './domain/platform';
import { Closure, LocalDate } from './sla/calendar';
import { SlaView } from './sla/view';
import { BackupName, StoreStatus } from './storeHealth';
import { SyncRepairArgs, SyncRepairResult, SyncVerifyResult } from './sync/verify';
import { ERROR_CODES, type Result } from './errors';
import { refuseIllFormedText } from './validation';
import { en } from './messages/en';
import type { IcalReasonCode } from './messages/catalog';

/**
 * The one contract between the UI (and every other front) and the engine. Each call has an
 * argument schema, validated where it enters the engine, and a result schema. The preload, the web
 * host's WebSocket client, the engine's handlers and the renderer's slices all derive their types
 * from this object; nothing is typed twice.
 */
function call<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  // Ill-formed text is refused in every argument, however deep, not only in fields typed as text.
  return { args: refuseIllFormedText(args), result };
}

const NoArgs = z.object({}).strict();

/** An iCal importer's note (shared/sla/ical.ts): `code` and `params` for the screen, `reason` in English. */
const IcalNoteSchema = z.object({
  summary: z.string(),
  code: z.enum(Object.keys(en.ical) as [IcalReasonCode, ...IcalReasonCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  reason: z.string(),
});

/**
 * The language of the SLA explanations in an answer. English by default, so the CLI and scripts
 * keep what they had; the UI passes its own language.
 */
export const Locale = z.enum(['nl', 'en']).default('en');
export type Locale = z.output<typeof Locale>;

export const Profile = z.object({
  engineerId: z.string(),
  name: z.string(),
  deviceId: z.string(),
});
export type Profile = z.infer<typeof Profile>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  deviceId: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * `audit.fetchHistory`: how many server entries were new here, and whether the laptop now holds the
 * entity's whole history. When it can't (offline, server unreachable), `problem` says why.
 */
export const AuditHistoryResult = z.object({
  fetched: z.number().int().min(0),
  complete: z.boolean(),
  problem: z.string().nullable(),
});
export type AuditHistoryResult = z.infer<typeof AuditHistoryResult>;

export const ClientSummary = Client.extend({ openIncidents: z.number().int() });
export type ClientSummary = z.infer<typeof ClientSummary>;

export const ClientCreateInput = z.object({
  name: line(CLIENT_NAME_MAX),
  code: ClientCode.optional(),
});

export const INCIDENT_SORTS = ['sla', 'priority', 'opened', 'updated'] as const;
export const INCIDENT_PAGE_MAX = 500;

export const IncidentListQuery = z.object({
  clientId: Id.optional(),
  priorities: z.array(Priority).max(4).optional(),
  statuses: z.array(IncidentStatus).max(6).optional(),
  search: z.string().max(200).optional(),
  assigneeId: z.string().max(64).optional(),
  category: Category.optional(),
  /** Only incidents with a clock that is at risk now (amber), or breached (red). */
  sla: z.enum(['at_risk', 'breached']).optional(),
  sort: z.enum(INCIDENT_SORTS).default('sla'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(INCIDENT_PAGE_MAX).default(100),
});
export type IncidentListQuery = z.input<typeof IncidentListQuery>;

export const IncidentListRow = Incident.omit({ fieldVersions: true, description: true }).extend({
  clientName: z.string(),
  clientCode: z.string(),
  /** Both clocks, or null when the client has no contract in force (best effort). */
  sla: SlaView.nullable(),
});
export type IncidentListRow = z.infer<typeof IncidentListRow>;

export const IncidentPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(IncidentListRow),
});
export type IncidentPage = z.infer<typeof IncidentPage>;

export const IncidentCreateInput = z.object({
  clientId: Id,
  title: IncidentTitle,
  description: IncidentDescription.optional(),
  priority: Priority,
  openedAt: IsoTime.optional(),
  category: Category.nullable().optional(),
});

export const IncidentUpdateInput = z.object({
  id: Id,
  title: IncidentTitle.optional(),
  description: IncidentDescription.optional(),
  priority: Priority.optional(),
});

export const IncidentDetail = Incident.extend({ clientName: z.string(), clientCode: z.string(), sla: SlaView.nullable() });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const SyncStatus = z.object({
  state: z.enum(['unpaired', 'idle', 'syncing', 'offline', 'error']),
  serverUrl: z.string().nullable(),
  /** The realtime channel to the server is open. */
  connected: z.boolean(),
  lastSyncAt: z.string().nullable(),
  pending: z.number().int(),
  rejected: z.array(z.object({ mutationId: z.number().int(), name: z.string(), error: z.string(), createdAt: z.string() })),
  lastError: z.string().nullable(),
  /** Lets the UI offer the right remedy: `unauthorized` → pair again, `clock_skew` → fix the clock. */
  lastErrorCode: z.enum(ERROR_CODES).nullable(),
  /**
   * This laptop's clock against the server's, from the latest sync reply (null before the first):
   * `offsetMs` is what to add to the laptop's clock (negative: it runs ahead), good to half `rttMs`.
   * Beyond `CLOCK_WARN_MS` (shared/sync/clockOffset.ts) the UI and `vangnet status` warn.
   */
  clock: z.object({ offsetMs: z.number().int(), rttMs: z.number().int(), measuredAt: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncRound = z.object({ pushed: z.number().int(), pulled: z.number().int(), rejected: z.number().int() });
export type SyncRound = z.infer<typeof SyncRound>;

export const EngineerSummary = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), active: z.boolean() });

export const contract = {
  app: {
    info: call(NoArgs, AppInfo),
  },
  profile: {
    get: call(NoArgs, Profile.nullable()),
    set: call(z.object({ name: line(80) }), Profile),
  },
  clients: {
    list: call(z.object({ search: z.string().max(200).optional() }), z.array(ClientSummary)),
    create: call(ClientCreateInput, Client),
  },
  incidents: {
    list: call(IncidentListQuery, IncidentPage),
    get: call(z.object({ id: Id, locale: Locale }), IncidentDetail),
    // Every call answering with an incident's detail takes the language of its clocks' explanations.
    create: call(IncidentCreateInput.extend({ locale: Locale }), IncidentDetail),
    update: call(IncidentUpdateInput.extend({ locale: Locale }), IncidentDetail),
    setStatus: call(z.object({ id: Id, to: IncidentStatus, at: IsoTime.optional(), locale: Locale }), IncidentDetail),
    acknowledge: call(z.object({ id: Id, at: IsoTime.optional(), locale: Locale }), IncidentDetail),
    reply: call(z.object({ id: Id, body: MessageBody, at: IsoTime.optional(), locale: Locale }), IncidentDetail),
    note: call(z.object({ id: Id, body: MessageBody, at: IsoTime.optional(), locale: Locale }), IncidentDetail),
    assign: call(z.object({ id: Id, assigneeId: z.string().min(1).max(64).nullable(), locale: Locale }), IncidentDetail),
    setCategory: call(z.object({ id: Id, category: Category.nullable(), locale: Locale }), IncidentDetail),
    timeline: call(z.object({ id: Id }), z.array(TimelineEntry)),
  },
  contracts: {
    /** The version in force today and every version, newest first. */
    get: call(z.object({ clientId: Id }), z.object({ current: Contract.nullable(), history: z.array(Contract) })),
    set: call(z.object({ clientId: Id, effectiveFrom: LocalDate.optional(), terms: ContractTerms }), Contract),
    template: call(z.object({ costModel: CostModel }), ContractTerms),
    /** "Reported Friday 16:55 as P2 → due …": both due instants and their explanations, for any terms. */
    whatIf: call(
      z.object({
        terms: ContractTerms,
        priority: Priority,
        openedAt: IsoTime,
        pauses: z
          .array(z.object({ from: IsoTime, to: IsoTime }))
          .max(50)
          .default([]),
        locale: Locale,
      }),
      z.object({
        responseDueAt: z.string().nullable(),
        resolutionDueAt: z.string().nullable(),
        response: z.string(),
        resolution: z.string(),
      }),
    ),
    /** Reads an iCal file (.ics text) into closures for the contract editor; what it can't use is listed. */
    importIcal: call(
      z.object({
        text: z.string().min(1).max(5_000_000),
        timeZone: z.string().min(1).max(64),
        untilYear: z.number().int().min(2000).max(2100).optional(),
      }),
      z.object({ closures: z.array(Closure), skipped: z.array(IcalNoteSchema) }),
    ),
    /** Covered intervals of the business calendar in a week, for the editor's week view. */
    week: call(z.object({ terms: ContractTerms, weekOf: LocalDate }), z.array(z.object({ from: z.string(), to: z.string() }))),
  },
  platforms: {
    list: call(z.object({ clientId: Id }), z.array(Platform)),
    create: call(
      z.object({
        clientId: Id,
        name: line(120),
        url: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .nullable()
          .optional(),
        stack: text(200).trim().optional(),
        environments: z.array(line(40)).max(10).optional(),
      }),
      Platform,
    ),
  },
  engineers: {
    list: call(NoArgs, z.array(EngineerSummary)),
  },
  sync: {
    status: call(NoArgs, SyncStatus),
    login: call(
      z.object({
        serverUrl: z.url({ protocol: /^https?$/, message: 'format.httpUrl' }),
        code: z.string().trim().min(4).max(64),
        deviceName: z.string().trim().min(1).max(100).optional(),
      }),
      SyncStatus,
    ),
    now: call(NoArgs, SyncRound),
    dismiss: call(z.object({ mutationId: z.number().int().min(1) }), z.boolean()),
    /** Compares every synced table's checksum with the office server's at the same seq (pulls first when behind). */
    verify: call(NoArgs, SyncVerifyResult),
    /** Re-fetches the named tables from the server and sets local rows back to its copy; pending local changes are kept. */
    repair: call(SyncRepairArgs, SyncRepairResult),
  },
  audit: {
    /** An entity's trail, newest first, from this laptop's store only (call `fetchHistory` first for the server's older entries). */
    forEntity: call(z.object({ entityId: Id, limit: z.number().int().min(1).max(1000).default(200) }), z.array(AuditEntry)),
    /**
     * Fetches the entity's audit history from the office server when this laptop may lack it (it
     * bootstrapped after the entity was made), verifies it and stores it; then `forEntity` shows it.
     */
    fetchHistory: call(z.object({ entityId: Id }), AuditHistoryResult),
  },
  store: {
    /** Damage mark, verified backups, last full check. Answered even when the store could not be opened. */
    status: call(NoArgs, StoreStatus),
    /**
     * Moves the current store files aside (`<data dir>/damaged/<instant>/`, never deleted) and puts the
     * named backup in place, then reopens. Served by the host, which owns the engine's lifetime.
     */
    restore: call(z.object({ name: BackupName }), StoreStatus),
  },
} as const;

/** Events the engine pushes; the UI re-reads what changed. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'sync.status': SyncStatus,
  /** The store was found damaged, backed up or restored. */
  'store.status': StoreStatus,
  /** A clock just turned amber or red: the scheduler's moments, for notifications (and the tray, later). */
  'sla.alert': z.object({
    incidentId: z.string(),
    title: z.string(),
    clientCode: z.string(),
    priority: Priority,
    kind: z.enum(['at_risk', 'breached']),
    at: z.string(),
  }),
} as const;

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
};

/** The engine's side: one handler per call, receiving validated arguments. */
export type Handlers = {
  [G in Group]: {
    [M in keyof Calls[G] & string]: (
      args: ArgsOut<`${G}.${M}` & CallName>,
    ) => ResultOf<`${G}.${M}` & CallName> | Promise<ResultOf<`${G}.${M}` & CallName>>;
  };
};

export const CALL_NAMES: readonly CallName[] = Object.entries(contract).flatMap(([group, calls]) =>
  Object.keys(calls).map((method) => `${group}.${method}` as CallName),
);

export function lookupCall(name: string): { args: z.ZodType; result: z.ZodType } | undefined {
  const [group, method, ...rest] = name.split('.');
  if (!group || !method || rest.length > 0 || !Object.hasOwn(contract, group)) return undefined;
  const calls = contract[group as Group] as Record<string, { args: z.ZodType; result: z.ZodType }>;
  return Object.hasOwn(calls, method) ? calls[method] : undefined;
}
