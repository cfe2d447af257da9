import type { Contract } from '../../shared/domain/contract';
import { contractCalendars } from '../../shared/domain/contract';
import type { Incident } from '../../shared/domain/incident';
import { type ClockEntry, contractInForce, incidentEvents } from '../../shared/domain/slaInputs';
import { isOpenStatus } from '../../shared/domain/lifecycle';
import { type CompiledCalendar, compileCalendar } from '../../shared/sla/compiled';
import { computeClocks, type IncidentClocks } from '../../shared/sla/clocks';
import { explainClock } from '../../shared/sla/explain';
import type { SlaPolicy } from '../../shared/sla/policy';
import { type SlaView, toClockView } from '../../shared/sla/view';
import {
  clockEntriesFor,
  contractsFor,
  incidentIdsMissingSla,
  openIncidentIds,
  saveSla,
  settleSlaInBulk,
  slaSubjects,
  timelineFor,
} from '../repos/lifecycle';
import type { Db } from '../store/database';
import { getMeta, setMeta } from '../repos/meta';
import { writeTransaction } from '../store/transaction';

const CACHE_VERSION_KEY = 'sla.cacheVersion';
const CACHE_VERSION = '2';

interface Compiled {
  contract: Contract;
  policy: SlaPolicy;
  calendars: Record<string, CompiledCalendar>;
}

/**
 * Computes SLA clocks for incidents from their timeline and the contract version in force when
 * they opened, and keeps the local `incident_sla` cache (the instants the list sorts and filters
 * by) in step. Compiled calendars are cached per contract version, which never changes.
 */
export function createSlaService(db: Db, now: () => number) {
  const compiled = new Map<string, Compiled>();
  // Contract versions per client, parsed once; dropped when a version is added (`invalidate`).
  const versions = new Map<string, Contract[]>();

  function versionsOf(clientId: string): Contract[] {
    let list = versions.get(clientId);
    if (!list) {
      list = contractsFor(db, clientId);
      versions.set(clientId, list);
    }
    return list;
  }

  function compile(contract: Contract): Compiled {
    let entry = compiled.get(contract.id);
    if (!entry) {
      const defs = contractCalendars(contract.terms);
      entry = {
        contract,
        policy: { targets: contract.terms.targets, atRisk: contract.terms.atRisk },
        calendars: { '24/7': compileCalendar(defs['24/7']), business: compileCalendar(defs.business) },
      };
      compiled.set(contract.id, entry);
    }
    return entry;
  }

  /** The contract version in force when the incident opened, or null (no SLA: best effort). */
  function contractAt(clientId: string, openedAt: string): Compiled | null {
    const contract = contractInForce(versionsOf(clientId), openedAt);
    return contract ? compile(contract) : null;
  }

  function clocks(
    incident: Pick<Incident, 'id' | 'clientId' | 'openedAt' | 'priority'>,
    at = now(),
    timeline: readonly ClockEntry[] = timelineFor(db, incident.id),
  ): { clocks: IncidentClocks; compiled: Compiled } | null {
    const c = contractAt(incident.clientId, incident.openedAt);
    if (!c) return null;
    const events = incidentEvents(incident, timeline);
    return { clocks: computeClocks({ policy: c.policy, calendars: c.calendars, events, now: at }), compiled: c };
  }

  /** Both clocks of a detail view, with explanations for people. */
  function view(incident: Incident, at = now()): SlaView | null {
    const result = clocks(incident, at);
    if (!result) return null;
    const { calendars, contract } = result.compiled;
    return {
      contractId: contract.id,
      response: toClockView(result.clocks.response, explainClock(result.clocks.response, calendars, at)),
      resolution: toClockView(result.clocks.resolution, explainClock(result.clocks.resolution, calendars, at)),
    };
  }

  /** Both clocks for each row of a list page: one timeline query for the page. */
  function views(rows: readonly Pick<Incident, 'id' | 'clientId' | 'openedAt' | 'priority'>[], at = now()): Map<string, SlaView | null> {
    const timelines = clockEntriesFor(
      db,
      rows.map((r) => r.id),
    );
    const out = new Map<string, SlaView | null>();
    for (const row of rows) {
      const result = clocks(row, at, timelines.get(row.id) ?? []);
      out.set(
        row.id,
        result
          ? {
              contractId: result.compiled.contract.id,
              response: toClockView(result.clocks.response),
              resolution: toClockView(result.clocks.resolution),
            }
          : null,
      );
    }
    return out;
  }

  /** Recomputes the cached instants of these incidents: one timeline query for the whole batch. */
  function refresh(ids: Iterable<string>): void {
    const list = [...ids];
    const at = now();
    for (let i = 0; i < list.length; i += 500) {
      const batch = list.slice(i, i + 500);
      const timelines = clockEntriesFor(db, batch);
      for (const incident of slaSubjects(db, batch)) {
        // A resolved or closed incident has no running clock: nothing to compute (most of a bootstrap).
        if (!isOpenStatus(incident.status)) save(incident, null);
        else save(incident, clocks(incident, at, timelines.get(incident.id) ?? []));
      }
    }
  }

  /**
   * Caches when an incident's first running clock turns amber and red (the list's sort and the
   * scheduler's alerts: a stopped clock breaches no more), and when either clock first breached
   * (the "breached" filter: a breached clock stays breached, also once stopped).
   */
  function save(incident: Pick<Incident, 'id' | 'clientId' | 'status'>, result: ReturnType<typeof clocks>): void {
    const both = result ? [result.clocks.response, result.clocks.resolution] : [];
    const running = both.filter((c) => c.running && c.dueAt !== null);
    const first = (instants: (number | null)[]) => {
      const known = instants.filter((v): v is number => v !== null);
      return known.length ? Math.min(...known) : null;
    };
    saveSla(db, {
      incidentId: incident.id,
      clientId: incident.clientId,
      open: isOpenStatus(incident.status),
      dueAt: first(running.map((c) => c.dueAt)),
      atRiskAt: first(running.map((c) => c.atRiskAt)),
      breachedAt: first(both.map((c) => c.breachedAt ?? (c.running ? c.dueAt : null))),
      paused: result?.clocks.resolution.state === 'paused',
      contractId: result?.compiled.contract.id ?? null,
    });
  }

  return {
    clocks,
    view,
    views,
    contractAt,
    refresh,
    /**
     * Brings the whole cache in step after a bulk load, which skipped it row by row: cheap rows
     * for incidents without clocks in bulk, clocks computed only where a contract makes them run.
     */
    settleAfterBulk(): void {
      versions.clear();
      writeTransaction(db, () => refresh(settleSlaInBulk(db)));
    },
    /**
     * Recomputes the open incidents' cache when its meaning changed since it was written (version
     * 2: the next due instant counts running clocks only). Closed incidents hold no instants.
     */
    upgradeCache(): void {
      if (getMeta(db, CACHE_VERSION_KEY) === CACHE_VERSION) return;
      writeTransaction(db, () => {
        refresh(openIncidentIds(db));
        setMeta(db, CACHE_VERSION_KEY, CACHE_VERSION);
      });
    },
    /** Fills the cache for incidents that have no entry yet (after an upgrade). */
    backfill(): number {
      const missing = incidentIdsMissingSla(db);
      // Nothing missing (every start but the first): take no write lock, the CLI may be writing.
      if (missing.length > 0) writeTransaction(db, () => refresh(missing));
      return missing.length;
    },
    /** A client's contract versions changed (a local write or a pull); no id: forget them all. */
    invalidate(clientId?: string): void {
      if (clientId === undefined) versions.clear();
      else versions.delete(clientId);
    },
  };
}
export type SlaService = ReturnType<typeof createSlaService>;
