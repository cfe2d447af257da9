import { stringify } from 'csv-stringify/sync';
import type { Statement, StatementLine } from './statement';
import { type StatementLang, statementLabels } from './statementLabels';

/**
 * A statement as CSV: a header, then one row per ticket line (support first, then change
 * requests), raw and rounded minutes in columns of their own. Numbers are whole minutes without
 * separators, so every spreadsheet reads them alike; comma-separated, quoted where needed (RFC 4180); a
 * title that starts like a formula gets a leading apostrophe, so opening the file runs nothing.
 */
/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text. */
function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function statementCsv(statement: Statement, lang: StatementLang): string {
  const t = statementLabels(lang);
  const c = t.csv;
  const row = (l: StatementLine) => [
    statement.month,
    l.ticketId ?? '',
    cell(l.title ?? (l.ticketId === null ? t.noTicket : '')),
    t.category[l.category ?? 'none'],
    t.scope[l.scope],
    cell(l.engineers.join('; ')),
    l.entryCount,
    l.rawMinutes,
    l.billableRawMinutes,
    l.roundedMinutes,
  ];
  return stringify([...statement.support, ...statement.changeRequests].map(row), {
    header: true,
    columns: [c.month, c.ticket, c.title, c.category, c.scope, c.engineers, c.entries, c.raw, c.billableRaw, c.rounded],
    record_delimiter: 'windows',
  });
}
