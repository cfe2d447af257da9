import type { Handlers } from '../../shared/contract';
import type { BurndownView } from '../../shared/contract/reports';
import { VangnetError } from '../../shared/errors';
import { contractInForce } from '../../shared/domain/slaInputs';
import { bundleBurndown } from '../../shared/reports/bundleBurndown';
import { hoursByCategory, reportMonths, reportSpanUtc } from '../../shared/reports/hoursByCategory';
import { budgetLinesFor, timeEntriesOfClient } from '../repos/budget';
import { listClients } from '../repos/clients';
import { contractsFor } from '../repos/lifecycle';
import { allContractsByClient, clientIdsWithBudgetLines, incidentCategories, timeEntriesBetween } from '../repos/reports';
import { getRowBy } from '../repos/rows';
import type { HandlerDeps } from './handlers';

/** The Reports room's numbers (docs/billing.md, "Reports"): computed in shared/reports from what is stored. */
export function createReportHandlers(deps: HandlerDeps): Handlers['reports'] {
  const { db, now } = deps;

  const knownClient = (clientId: string) => {
    if (!getRowBy(db, 'clients', 'id', clientId))
      throw new VangnetError('not_found', 'client.unknown', { id: clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
  };

  const burndownOf = (clientId: string, nowMs: number): BurndownView => ({
    clientId,
    ...bundleBurndown({
      lines: budgetLinesFor(db, clientId),
      entries: timeEntriesOfClient(db, clientId),
      contracts: contractsFor(db, clientId),
      nowMs,
    }),
  });

  return {
    hoursByCategory: ({ from, to, clientId }) => {
      reportMonths(from, to); // refuses a bad range before anything is read
      if (clientId !== undefined) knownClient(clientId);
      const [startMs, endMs] = reportSpanUtc(from, to);
      const entries = timeEntriesBetween(db, new Date(startMs).toISOString(), new Date(endMs).toISOString(), clientId);
      const incidentIds = [...new Set(entries.map((e) => e.incidentId).filter((id): id is string => id !== null))];
      return hoursByCategory({
        from,
        to,
        entries,
        categories: incidentCategories(db, incidentIds),
        contracts: allContractsByClient(db),
        nowMs: now(),
      });
    },
    bundleBurndown: ({ clientId }) => {
      const nowMs = now();
      if (clientId !== undefined) {
        knownClient(clientId);
        return { bundles: [burndownOf(clientId, nowMs)] };
      }
      // Every client whose contract in force is prepaid, and any other that has ledger lines (an earlier prepaid period).
      const nowIso = new Date(nowMs).toISOString();
      const contracts = allContractsByClient(db);
      const withLines = new Set(clientIdsWithBudgetLines(db));
      const ids = listClients(db)
        .map((c) => c.id)
        .filter((id) => withLines.has(id) || contractInForce(contracts.get(id) ?? [], nowIso)?.terms.costModel === 'prepaid');
      return { bundles: ids.map((id) => burndownOf(id, nowMs)) };
    },
  };
}
