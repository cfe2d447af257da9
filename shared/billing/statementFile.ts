import { STATEMENT_MIME, statementFileName, type STATEMENT_FORMATS } from '../contract/statement';
import type { Statement } from './statement';
import { statementCsv } from './statementCsv';
import type { StatementLang } from './statementLabels';

/** A statement as a file for every front (engine, CLI, office server): name, type and bytes. */
export async function statementFile(
  statement: Statement,
  format: (typeof STATEMENT_FORMATS)[number],
  lang: StatementLang,
): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  const fileName = statementFileName(statement.client.code, statement.month, format);
  if (format === 'csv') return { fileName, mimeType: STATEMENT_MIME.csv, bytes: new TextEncoder().encode(statementCsv(statement, lang)) };
  // Loaded only now: pdfkit and its font metrics are read when a PDF is asked for, never at start-up.
  const { statementPdf } = await import('./statementPdf');
  return { fileName, mimeType: STATEMENT_MIME.pdf, bytes: await statementPdf(statement, lang) };
}
