import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BillingMonth, monthRangeUtc } from '../../shared/billing/month';
import { versionForMonth } from '../../shared/billing/monthTerms';
import { monthStatement, type SlaOutcome, slaOutcomeOf } from '../../shared/billing/statement';
import { statementFile } from '../../shared/billing/statementFile';
import { STATEMENT_LANGS } from '../../shared/billing/statementLabels';
import { Id } from '../../shared/domain/common';
import { VangnetError } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import type { ServerDb } from '../db/connect';
import { loadRow } from '../repos/domain';
import { budgetLinesOfClient, engineerNames, incidentsOfClient, timeEntriesOfClient } from '../repos/statement';
import type { AuthGuard } from './authGuard';
import type { createSlaViews } from './slaViews';

export const StatementPath = z.object({ id: Id, month: BillingMonth }).strict();
export const StatementFormat = z
  .object({ format: z.enum(['json', 'csv', 'pdf']).default('json'), lang: z.enum(STATEMENT_LANGS).default('en') })
  .strict();

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  sla: ReturnType<typeof createSlaViews>;
  now: () => number;
}

/**
 * `GET /api/v1/clients/:id/statements/:month?format=json|csv|pdf&lang=en|nl`: the month statement
 * from the server's tables, through the same pure core as the laptops (shared/billing/statement.ts).
 */
export function registerStatementRoute(app: FastifyInstance, { store, guard, sla, now }: Deps): void {
  app.get('/api/v1/clients/:id/statements/:month', { preHandler: guard.requireDevice }, async (request, reply) => {
    const { id, month } = parseOrThrow(StatementPath, request.params, 'path');
    const { format, lang } = parseOrThrow(StatementFormat, request.query, 'query');
    const client = await loadRow(store.db, 'clients', 'id', id);
    if (!client) throw new VangnetError('not_found', 'client.unknown', { id });
    const contracts = await sla.contractsOf(id);
    const range = monthRangeUtc(month, versionForMonth(contracts, month)?.terms.timeZone ?? 'UTC');
    const at = now();
    const incidents = await incidentsOfClient(store.db, id);
    const outcomes: SlaOutcome[] = [];
    // As on the laptop: incidents opened before the month's end, still open or changed since its start.
    for (const i of incidents) {
      if (Date.parse(i.openedAt) >= range[1]) continue;
      if ((i.status === 'resolved' || i.status === 'closed') && Date.parse(i.updatedAt) < range[0] - 86_400_000) continue;
      const outcome = slaOutcomeOf(i.id, await sla.clocks(i, at));
      if (outcome) outcomes.push(outcome);
    }
    const statement = monthStatement({
      client: { id: client.id, code: client.code, name: client.name },
      month,
      contracts,
      entries: await timeEntriesOfClient(store.db, id),
      tickets: incidents,
      engineers: await engineerNames(store.db),
      budgetLines: await budgetLinesOfClient(store.db, id),
      incidents: outcomes,
      nowMs: at,
    });
    if (format === 'json') return statement;
    const file = await statementFile(statement, format, lang);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(Buffer.from(file.bytes));
  });
}
