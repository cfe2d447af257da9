import type { Handlers } from '../../shared/contract';
import { contractCalendars, contractTemplate } from '../../shared/domain/contract';
import { VangnetError } from '../../shared/errors';
import { compileCalendar, coveredIntervals } from '../../shared/sla/compiled';
import { computeClocks } from '../../shared/sla/clocks';
import { explainClock } from '../../shared/sla/explain';
import { importIcal } from '../../shared/sla/ical';
import type { IncidentEvent } from '../../shared/sla/policy';
import { localMsOf } from '../../shared/sla/calendar';
import { localToUtc } from '../../shared/sla/zone';
import { contractsFor, platformsFor } from '../repos/lifecycle';
import { getRowBy } from '../repos/rows';
import type { HandlerDeps } from './handlers';

const WEEK_MS = 7 * 24 * 3600_000;

function requireClient(deps: HandlerDeps, clientId: string): void {
  if (!getRowBy(deps.db, 'clients', 'id', clientId))
    throw new VangnetError('not_found', 'client.unknown', { id: clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
}

/** Contracts (versioned), the editor's previews, and platforms. */
export function createContractHandlers(deps: HandlerDeps): { contracts: Handlers['contracts']; platforms: Handlers['platforms'] } {
  const { db, mutate, newId, sla, now } = deps;
  return {
    contracts: {
      get: ({ clientId }) => {
        requireClient(deps, clientId);
        const history = contractsFor(db, clientId);
        const today = new Date(now()).toISOString();
        return { current: sla.contractAt(clientId, today)?.contract ?? null, history };
      },
      set: ({ clientId, effectiveFrom, terms }) => {
        const id = newId();
        const from = effectiveFrom ?? new Date(now()).toISOString().slice(0, 10);
        mutate('contract.set', { id, clientId, effectiveFrom: from, terms });
        const created = getRowBy(db, 'contracts', 'id', id);
        if (!created) throw new VangnetError('internal', 'call.wroteNoRow', { call: 'contract.set' });
        return created;
      },
      template: ({ costModel }) => contractTemplate(costModel),
      whatIf: ({ terms, priority, openedAt, pauses }) => {
        const defs = contractCalendars(terms);
        const calendars = { '24/7': compileCalendar(defs['24/7']), business: compileCalendar(defs.business) };
        const opened = Date.parse(openedAt);
        const events: IncidentEvent[] = [{ kind: 'opened', at: opened, priority }];
        for (const p of [...pauses].sort((a, b) => a.from.localeCompare(b.from))) {
          const from = Date.parse(p.from);
          const to = Date.parse(p.to);
          if (to <= from)
            throw new VangnetError('invalid_args', 'contract.pauseInverted', { from: p.from, to: p.to }, [{ path: 'pauses', code: 'pauseOrder' }]);
          if (from < opened)
            throw new VangnetError('invalid_args', 'contract.pauseBeforeOpened', { from: p.from }, [{ path: 'pauses', code: 'beforeOpened' }]);
          events.push({ kind: 'status', at: from, to: 'waiting_on_client' }, { kind: 'status', at: to, to: 'in_progress' });
        }
        // Response: as if nobody has answered yet. Resolution: measured just after the last pause
        // ends, so every pause counts and the clock still runs.
        const policy = { targets: terms.targets, atRisk: terms.atRisk };
        const at = Math.max(opened, ...events.map((e) => e.at));
        const clocks = {
          response: computeClocks({ policy, calendars, events: events.slice(0, 1), now: opened }).response,
          resolution: computeClocks({ policy, calendars, events, now: at }).resolution,
        };
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
        return {
          responseDueAt: iso(clocks.response.dueAt),
          resolutionDueAt: iso(clocks.resolution.dueAt ?? null),
          response: explainClock(clocks.response, calendars, opened),
          resolution: explainClock(clocks.resolution, calendars, at),
        };
      },
      importIcal: ({ text, timeZone, untilYear }) =>
        importIcal(text, { timeZone, untilYear: untilYear ?? new Date(now()).getUTCFullYear() + 2 }),
      week: ({ terms, weekOf }) => {
        const defs = contractCalendars(terms);
        const business = compileCalendar(defs.business);
        const start = localToUtc(terms.timeZone, localMsOf(weekOf));
        return coveredIntervals(business, start, start + WEEK_MS).map(([from, to]) => ({
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
        }));
      },
    },
    platforms: {
      list: ({ clientId }) => {
        requireClient(deps, clientId);
        return platformsFor(db, clientId);
      },
      create: (input) => {
        const id = newId();
        mutate('platform.create', { id, ...input });
        const created = getRowBy(db, 'platforms', 'id', id);
        if (!created) throw new VangnetError('internal', 'call.wroteNoRow', { call: 'platform.create' });
        return created;
      },
      delete: ({ id }) => {
        mutate('platform.delete', { id });
        return { id };
      },
    },
  };
}
