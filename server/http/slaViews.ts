import type { Kysely } from 'kysely';
import { contractCalendars, type Contract } from '../../shared/domain/contract';
import type { Incident } from '../../shared/domain/incident';
import { contractInForce, incidentEvents } from '../../shared/domain/slaInputs';
import { type CompiledCalendar, compileCalendar } from '../../shared/sla/compiled';
import { computeClocks } from '../../shared/sla/clocks';
import { explainClock } from '../../shared/sla/explain';
import { type SlaView, toClockView } from '../../shared/sla/view';
import type { ServerDatabase } from '../db/schema';
import { contractsOfClient, incidentTimeline } from '../repos/domain';

/** Each incident's clocks for the API, computed from the same shared rules the laptops use. */
export function createSlaViews(db: Kysely<ServerDatabase>, now: () => number) {
  const compiled = new Map<string, Record<string, CompiledCalendar>>();

  function calendarsOf(contract: Contract): Record<string, CompiledCalendar> {
    let calendars = compiled.get(contract.id);
    if (!calendars) {
      const defs = contractCalendars(contract.terms);
      calendars = { '24/7': compileCalendar(defs['24/7']), business: compileCalendar(defs.business) };
      compiled.set(contract.id, calendars);
    }
    return calendars;
  }

  const contractsOf = (clientId: string): Promise<Contract[]> => contractsOfClient(db, clientId);

  return {
    contractsOf,
    /** The incident's clocks at `at` (the statement's SLA outcome), or null without a contract. */
    async clocks(incident: Pick<Incident, 'id' | 'clientId' | 'openedAt' | 'priority'>, at: number) {
      const contract = contractInForce(await contractsOf(incident.clientId), incident.openedAt);
      if (!contract) return null;
      return computeClocks({
        policy: { targets: contract.terms.targets, atRisk: contract.terms.atRisk },
        calendars: calendarsOf(contract),
        events: incidentEvents(incident, await incidentTimeline(db, incident.id)),
        now: at,
      });
    },
    /** Both clocks with explanations, or null when no contract was in force at the opening. */
    async view(incident: Incident, ): Promise<SlaView | null> {
      const contract = contractInForce(await contractsOf(incident.clientId), incident.openedAt);
      if (!contract) return null;
      const timeline = await incidentTimeline(db, incident.id);
      const calendars = calendarsOf(contract);
      const at = now();
      const clocks = computeClocks({
        policy: { targets: contract.terms.targets, atRisk: contract.terms.atRisk },
        calendars,
        events: incidentEvents(incident, timeline),
        now: at,
      });
      return {
        contractId: contract.id,
        response: toClockView(clocks.response, explainClock(clocks.response, calendars, at)),
        resolution: toClockView(clocks.resolution, explainClock(clocks.resolution, calendars, at)),
      };
    },
  };
}
