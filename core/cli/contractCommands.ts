import fs from 'node:fs';
import type { Command } from 'commander';
import { COST_MODELS, ContractTerms } from '../../shared/domain/contract';
import { VangnetError } from '../../shared/errors';
import { LocalDate } from '../../shared/sla/calendar';
import { catalogExplanation, explainLanguage } from '../../shared/sla/explanationText';
import { parseOrThrow } from '../../shared/validation';
import { findClient } from '../repos/clients';
import type { WithContext } from './main';
import { CliError } from './output';
import { mergeClosures } from '../../shared/sla/closureMerge';

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new VangnetError('invalid_args', 'cli.cannotRead', { file, detail: (err as Error).message });
  }
}

/** A contract file is the terms (docs/contracts.md), optionally with `effectiveFrom` beside them. */
function readContractFile(file: string): { terms: unknown; effectiveFrom?: string } {
  const text = readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new VangnetError('invalid_args', 'cli.notJson', { file, detail: (err as Error).message });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new VangnetError('invalid_args', 'cli.notObject', { file });
  const { effectiveFrom, ...terms } = json as Record<string, unknown>;
  return effectiveFrom === undefined ? { terms } : { terms, effectiveFrom: parseOrThrow(LocalDate, effectiveFrom, 'effectiveFrom') };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerContractCommands(program: Command, withContext: WithContext): void {
  const contract = program.command('contract').description("clients' contracts: cost model, business hours, SLA targets");

  contract
    .command('set')
    .description('add a contract version for a client from a JSON file (see docs/contracts.md)')
    .requiredOption('--client <idOrCode>', 'client id or code')
    .requiredOption('--file <contract.json>', 'the contract terms')
    .option('--from <YYYY-MM-DD>', "in force from this date (default: the file's effectiveFrom, or today)")
    .option('--ical <file.ics>', "add the closures of an iCal file (e.g. the agency's holiday calendar)")
    .action((opts: { client: string; file: string; from?: string; ical?: string }) =>
      withContext(async ({ call, engine, output }) => {
        const client = findClient(engine.db, opts.client);
        if (!client) throw new CliError({ code: 'not_found', message: `Unknown client: ${opts.client}` });
        const file = readContractFile(opts.file);
        const effectiveFrom = opts.from ?? file.effectiveFrom;
        const terms = parseOrThrow(ContractTerms, file.terms, `contract in ${opts.file}`);
        if (opts.ical) {
          const imported = await call('contracts.importIcal', { text: readText(opts.ical), timeZone: terms.timeZone });
          const merged = mergeClosures(terms.closures, imported.closures);
          terms.closures = merged.closures;
          for (const s of imported.skipped) output.err(`note: ${opts.ical}: ${s.summary}: ${s.reason}`);
          if (merged.duplicates.length > 0)
            output.err(`note: ${opts.ical}: ${merged.duplicates.length} closure(s) already in the contract, left out`);
        }
        const created = await call('contracts.set', { clientId: client.id, terms, ...(effectiveFrom ? { effectiveFrom } : {}) });
        const { fieldVersions: _v, ...view } = created;
        output.out(
          output.json
            ? JSON.stringify(view)
            : `Contract for ${client.code} (${created.terms.costModel}) in force from ${created.effectiveFrom}: ${created.id}`,
        );
      })(),
    );

  contract
    .command('show')
    .description('the contract in force today and earlier versions')
    .requiredOption('--client <idOrCode>', 'client id or code')
    .action((opts: { client: string }) =>
      withContext(async ({ call, engine, output }) => {
        const client = findClient(engine.db, opts.client);
        if (!client) throw new CliError({ code: 'not_found', message: `Unknown client: ${opts.client}` });
        const result = await call('contracts.get', { clientId: client.id });
        if (output.json) return output.out(JSON.stringify(result));
        if (!result.current) return output.out(`${client.code} has no contract in force: incidents get best effort, no SLA clocks.`);
        const t = result.current.terms;
        const lines = [`${client.code} — ${t.costModel}, in force from ${result.current.effectiveFrom}, ${t.timeZone}`];
        for (const p of ['P1', 'P2', 'P3', 'P4'] as const) {
          const fmt = (x: { minutes: number; calendar: string } | null) => (x ? `${x.minutes} min (${x.calendar})` : 'best effort');
          lines.push(`  ${p}: response ${fmt(t.targets[p].response)}, resolution ${fmt(t.targets[p].resolution)}`);
        }
        lines.push(`  ${result.history.length} version(s)`);
        output.out(lines.join('\n'));
      })(),
    );

  contract
    .command('template')
    .description('print a starting contract for a cost model, to edit and `contract set`')
    .requiredOption('--cost-model <model>', COST_MODELS.join(' | '))
    .action((opts: { costModel: string }) =>
      withContext(async ({ call, output }) => {
        const terms = await call('contracts.template', { costModel: opts.costModel as 'prepaid' });
        output.out(JSON.stringify(terms, null, output.json ? undefined : 2));
      })(),
    );

  program
    .command('sla')
    .description('SLA calculations')
    .command('what-if')
    .description('when would an incident be due under a contract? ("reported Friday 16:55 as P2 → due …")')
    .requiredOption('--contract <file>', 'contract JSON (docs/contracts.md)')
    .requiredOption('--priority <P1|P2|P3|P4>', 'priority')
    .requiredOption('--opened <iso>', 'when it was reported, ISO-8601 with offset')
    .option('--pause <from/to>', 'a period waiting on the client, ISO/ISO (repeatable)', collect, [])
    .option('--lang <nl|en>', 'language of the explanation', 'en')
    .action((opts: { contract: string; priority: string; opened: string; pause: string[]; lang: string }) =>
      withContext(async ({ call, output }) => {
        const pauses = opts.pause.map((p) => {
          const [from, to, ...rest] = p.split('/');
          if (!from || !to || rest.length) throw new VangnetError('invalid_args', 'cli.pauseFormat', { value: p });
          return { from, to };
        });
        const result = await call('contracts.whatIf', {
          terms: parseOrThrow(ContractTerms, readContractFile(opts.contract).terms, `contract in ${opts.contract}`),
          priority: opts.priority.trim().toUpperCase() as 'P1',
          openedAt: opts.opened,
          pauses,
        });
        const lang = explainLanguage(opts.lang);
        output.out(
          output.json
            ? JSON.stringify({ responseDueAt: result.responseDueAt, resolutionDueAt: result.resolutionDueAt })
            : `Response:   ${catalogExplanation(result.response, lang)}\nResolution: ${catalogExplanation(result.resolution, lang)}`,
        );
      })(),
    );
}
