import type { Command } from 'commander';
import { canonicalJson } from '../../shared/canonicalJson';
import type { AuditEntry } from '../../shared/domain/audit';
import { findClient } from '../repos/clients';
import type { WithContext } from './main';
import { table } from './output';

/** The fields an entry changed (bookkeeping fields left out). */
function changedFields(e: AuditEntry): string {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('fieldVersions');
  keys.delete('updatedAt');
  if (!e.before) return 'created';
  if (!e.after) return 'removed';
  return [...keys].filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null)).join(', ');
}

export function registerAuditCommands(program: Command, withContext: WithContext): void {
  program
    .command('audit <id>')
    .description("an incident's or client's change log, newest first, with the office server's older history when paired")
    .option('--local', 'only what this laptop holds; do not ask the office server')
    .option('--limit <n>', 'at most this many entries', '200')
    .action((id: string, opts: { local?: boolean; limit: string }) =>
      withContext(async ({ call, output, engine }) => {
        // A client code is accepted too.
        const entityId = findClient(engine.db, id)?.id ?? id;
        const history = opts.local ? null : await call('audit.fetchHistory', { entityId });
        const entries = await call('audit.forEntity', { entityId, limit: Number(opts.limit) });
        if (output.json) {
          // complete: null with --local (the server was not asked).
          output.out(
            JSON.stringify({
              entries,
              fetched: history?.fetched ?? 0,
              complete: history?.complete ?? null,
              problem: history?.problem ?? null,
            }),
          );
          return;
        }
        const rows = entries.map((e) => ({
          at: e.at,
          who: e.actorName,
          what: e.mutation,
          changed: changedFields(e),
          where: e.synced ? 'server' : 'local',
        }));
        output.out(table(rows, ['at', 'who', 'what', 'changed', 'where']));
        if (history && !history.complete)
          output.err(`Older history may be missing: ${history.problem ?? 'the office server was not asked'}`);
      })(),
    );
}
