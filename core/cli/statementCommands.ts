import fs from 'node:fs';
import type { Command } from 'commander';
import { formatHm } from '../../shared/billing/statementLabels';
import type { StatementView } from '../../shared/contract/statement';
import { VangnetError } from '../../shared/errors';
import type { WithContext } from './main';
import { table } from './output';
import { clientIdOf } from './timeCommands';

const FORMATS = ['json', 'csv', 'pdf'] as const;
const LANGS = ['en', 'nl'] as const;

/** A short text summary on stderr when a file was written, so the person sees what went out. */
function summary(s: StatementView): string {
  const rows = s.sla.map((r) => ({ priority: r.priority, incidents: String(r.incidents), response: `${r.responseMet}/${r.responseMissed}`, resolution: `${r.resolutionMet}/${r.resolutionMissed}` }));
  return [
    `${s.client.code} ${s.month}: support ${formatHm(s.supportTotal.rawMinutes)} raw, ${formatHm(s.supportTotal.roundedMinutes)} rounded; change requests ${formatHm(s.changeRequestTotal.roundedMinutes)}${s.empty ? ' (empty month)' : ''}`,
    table(rows, ['priority', 'incidents', 'response', 'resolution']),
  ].join('\n');
}

/** `vangnet statement --client CODE --month YYYY-MM --format json|csv|pdf [--out FILE] [--lang en|nl]` (docs/cli.md). */
export function registerStatementCommands(program: Command, withContext: WithContext): void {
  program
    .command('statement')
    .description("a client's month statement as JSON, CSV or PDF (docs/billing.md, Statements)")
    .requiredOption('--client <code>', 'the client (code or id)')
    .requiredOption('--month <YYYY-MM>', 'the billing month, in the contract’s time zone')
    .option('--format <format>', 'json, csv or pdf', 'json')
    .option('--out <file>', 'write to this file instead of stdout (required for pdf on a terminal)')
    .option('--lang <lang>', 'en or nl: CSV headers and PDF text', 'en')
    .action((opts: { client: string; month: string; format: string; out?: string; lang: string }) =>
      withContext(async (ctx) => {
        const format = FORMATS.find((f) => f === opts.format);
        if (!format) throw new VangnetError('invalid_args', 'cli.statementFormat', { value: opts.format });
        const lang = LANGS.find((l) => l === opts.lang);
        if (!lang) throw new VangnetError('invalid_args', 'cli.statementLang', { value: opts.lang });
        // A PDF on a terminal is noise: refused before any work, and before anything is written.
        if (format === 'pdf' && opts.out === undefined && process.stdout.isTTY) throw new VangnetError('invalid_args', 'cli.statementTty', {});
        const clientId = clientIdOf(ctx, opts.client);
        const bytes =
          format === 'json'
            ? Buffer.from(`${JSON.stringify(await ctx.call('statement.forClient', { clientId, month: opts.month }), null, 2)}\n`)
            : Buffer.from((await ctx.call('statement.export', { clientId, month: opts.month, format, lang })).base64, 'base64');
        if (opts.out === undefined) {
          // Text as text (a pipe reads UTF-8 either way); a PDF as its bytes.
          process.stdout.write(format === 'pdf' ? bytes : bytes.toString('utf8'));
          return;
        }
        // Written beside the target and renamed into place: a failed write never leaves half a file.
        const tmp = `${opts.out}.${process.pid}.tmp`;
        try {
          fs.writeFileSync(tmp, bytes);
          fs.renameSync(tmp, opts.out);
        } catch (err) {
          fs.rmSync(tmp, { force: true });
          throw new VangnetError('unavailable', 'cli.cannotWrite', { file: opts.out, detail: (err as Error).message });
        }
        const s = await ctx.call('statement.forClient', { clientId, month: opts.month });
        ctx.output.err(`${opts.out}: ${bytes.length} bytes\n${summary(s)}`);
      })(),
    );
}
