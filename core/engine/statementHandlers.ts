import type { Handlers } from '../../shared/contract';
import { monthRangeUtc } from '../../shared/billing/month';
import { versionForMonth } from '../../shared/billing/monthTerms';
import { monthStatement, type SlaOutcome, slaOutcomeOf, type StatementInput } from '../../shared/billing/statement';
import { statementFile } from '../../shared/billing/statementFile';
import { VangnetError } from '../../shared/errors';
import { billingEntriesOfClient, budgetLinesFor } from '../repos/budget';
import { clockEntriesFor, contractsFor } from '../repos/lifecycle';
import { getRowBy } from '../repos/rows';
import { listEngineers } from '../repos/sync';
import { stmt } from '../store/statements';
import type { Db } from '../store/database';
import type { SlaService } from '../sla/slaService';
import type { HandlerDeps } from './handlers';

type Ticket = { id: string; title: string; category: StatementInput['tickets'][number]['category']; priority: string; openedAt: string; status: string };

/** A client's incidents as the statement reads them: titles and categories, and what the SLA clocks need. */
function ticketsOf(db: Db, clientId: string): Ticket[] {
  return stmt(db, 'SELECT id, title, category, priority, opened_at AS openedAt, status FROM incidents WHERE client_id = ?').all(clientId) as Ticket[];
}

/**
 * The SLA outcome of the incidents that can count in the month: opened before its end and still
 * open, or changed since its start (a resolution sets `updated_at`). The clocks are the SLA
 * engine's, as the incident list and detail compute them.
 */
function outcomesOf(db: Db, sla: SlaService, clientId: string, range: [number, number], now: number): SlaOutcome[] {
  const rows = stmt(
    db,
    `SELECT id, client_id AS clientId, opened_at AS openedAt, priority FROM incidents
     WHERE client_id = ? AND opened_at < ? AND (status NOT IN ('resolved', 'closed') OR updated_at >= ?)`,
  ).all(clientId, new Date(range[1]).toISOString(), new Date(range[0] - 86_400_000).toISOString()) as {
    id: string;
    clientId: string;
    openedAt: string;
    priority: 'P1' | 'P2' | 'P3' | 'P4';
  }[];
  const timelines = clockEntriesFor(
    db,
    rows.map((r) => r.id),
  );
  const out: SlaOutcome[] = [];
  for (const row of rows) {
    const outcome = slaOutcomeOf(row.id, sla.clocks(row, now, timelines.get(row.id) ?? [])?.clocks ?? null);
    if (outcome) out.push(outcome);
  }
  return out;
}

/** Everything `monthStatement` reads, from the laptop's store. */
export function statementInputOf(deps: Pick<HandlerDeps, 'db' | 'sla' | 'now' | 'profile'>, clientId: string, month: string): StatementInput {
  const { db } = deps;
  const client = getRowBy(db, 'clients', 'id', clientId);
  if (!client) throw new VangnetError('not_found', 'client.unknown', { id: clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
  const contracts = contractsFor(db, clientId);
  const zone = versionForMonth(contracts, month)?.terms.timeZone ?? 'UTC';
  const now = deps.now();
  // The engineers the office server knows, and this laptop's own engineer before the first sync.
  const engineers = new Map(listEngineers(db).map((e) => [e.id, e.name]));
  const profile = deps.profile();
  if (profile && !engineers.has(profile.engineerId)) engineers.set(profile.engineerId, profile.name);
  return {
    client: { id: client.id, code: client.code, name: client.name },
    month,
    contracts,
    entries: billingEntriesOfClient(db, clientId),
    tickets: ticketsOf(db, clientId),
    engineers,
    budgetLines: budgetLinesFor(db, clientId),
    incidents: outcomesOf(db, deps.sla, clientId, monthRangeUtc(month, zone), now),
    nowMs: now,
  };
}

/** A client's month statement (docs/billing.md, "Statements"), on screen and as CSV or PDF. */
export function createStatementHandlers(deps: HandlerDeps): Handlers['statement'] {
  return {
    forClient: ({ clientId, month }) => monthStatement(statementInputOf(deps, clientId, month)),
    export: async ({ clientId, month, format, lang }) => {
      const file = await statementFile(monthStatement(statementInputOf(deps, clientId, month)), format, lang);
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), bytes: file.bytes.length };
    },
  };
}
