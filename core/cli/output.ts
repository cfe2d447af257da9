import type { ErrorInfo } from '../../shared/errors';

export interface Output {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function stdOutput(json: boolean): Output {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** A CLI failure that carries the contract's error, so messages read the same in every front. */
export class CliError extends Error {
  constructor(
    readonly info: ErrorInfo,
    readonly exitCode = 1,
  ) {
    super(info.message);
  }
}

export function formatError(info: ErrorInfo): string {
  const lines = [`error: ${info.message}`];
  // SQLite's own words ride along as a param no screen shows (store.cannotOpen, store.integrity…); support wants them here.
  const detail = info.params?.detail;
  if (typeof detail === 'string' && detail !== '' && !info.message.includes(detail)) lines.push(`  detail: ${detail}`);
  for (const issue of info.issues ?? []) {
    if (!info.message.includes(issue.message)) lines.push(`  ${issue.path}: ${issue.message}`);
  }
  return lines.join('\n');
}

/** Renders rows as a plain aligned table for people; `--json` bypasses this entirely. */
export function table(rows: Record<string, string>[], columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
