import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthStatement } from '../../shared/billing/statement';
import { statementCsv } from '../../shared/billing/statementCsv';
import { contractVersion, purchase, statementInput, timeEntry } from '../../shared/billing/statementFixture';
import { statementPdf } from '../../shared/billing/statementPdf';

/** RFC 4180 read back (quotes, doubled quotes, CRLF), as objects keyed by the header. */
function parse(csv: string, _: { columns: true }): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    }
    else if (ch === '\r' && csv[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const busy = () =>
  monthStatement(
    statementInput({
      budgetLines: [purchase(600, '2026-01-05')],
      entries: [
        timeEntry({ minutes: 7 }),
        timeEntry({ minutes: 7, engineerId: 'eng-bram' }),
        timeEntry({ minutes: 10, incidentId: null }),
        timeEntry({ minutes: 100, incidentId: 'i3', scope: 'change_request' }),
      ],
    }),
  );

/** The text of a PDF as poppler reads it (CI installs poppler-utils: .ci/run). */
function pdfText(bytes: Uint8Array): { text: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statement-'));
  const file = path.join(dir, 's.pdf');
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

describe('statement CSV', () => {
  it('has a header and one row per ticket line, raw and rounded columns, in English or Dutch', () => {
    const en = statementCsv(busy(), 'en');
    const rows = parse(en, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['month', 'ticket', 'title', 'category', 'scope', 'engineers', 'entries', 'raw_minutes', 'billable_raw_minutes', 'rounded_minutes']);
    expect(rows.map((r) => [r.ticket, r.scope, r.raw_minutes, r.rounded_minutes])).toEqual([
      ['i1', 'support', '14', '15'],
      ['', 'support', '10', '15'],
      ['i3', 'change request', '100', '105'],
    ]);
    expect(rows[0]!.engineers).toBe('Anna de Boer; Bram Visser');
    const nl = parse(statementCsv(busy(), 'nl'), { columns: true }) as Record<string, string>[];
    expect(nl[0]).toMatchObject({ maand: '2026-03', categorie: 'Beveiliging', ruwe_minuten: '14', afgeronde_minuten: '15' });
    expect(nl[2]!.soort).toBe('wijzigingsverzoek');
  });

  it('is a header alone for an empty month, and keeps formula-like titles as text', () => {
    const empty = statementCsv(monthStatement(statementInput()), 'en');
    expect(empty.trim().split('\r\n')).toHaveLength(1);
    const s = monthStatement(statementInput({ tickets: [{ id: 'i1', title: '=HYPERLINK("http://x","y"), "quoted"', category: null }], entries: [timeEntry({ minutes: 5 })] }));
    const [row] = parse(statementCsv(s, 'en'), { columns: true }) as Record<string, string>[];
    expect(row!.title).toBe(`'=HYPERLINK("http://x","y"), "quoted"`);
  });
});

describe('statement PDF', () => {
  it('parses, and shows the client, the month, the totals and the budget, in English', async () => {
    const { text, pages } = pdfText(await statementPdf(busy(), 'en'));
    expect(pages).toBe(1);
    expect(text).toContain('Bakkerij de Vries (BAKKER)');
    expect(text).toContain('March 2026');
    expect(text).toMatch(/Total\s+0:24\s+0:24\s+0:30/);
    expect(text).toMatch(/Total\s+1:40\s+1:40\s+1:45/);
    expect(text).toMatch(/Balance at the end of the month\s+9:30/);
    expect(text).toContain('Page 1 of 1');
  });

  it('writes Dutch, euro amounts per locale, and page numbers on every page of a long statement', async () => {
    const contracts = [contractVersion('subscription', '2026-01-01', { hourlyRateCents: 9000, subscription: { monthlyFeeCents: 123_450, includedMinutes: 60 } })];
    const tickets = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, title: `Ticket ${i} — trage pagina’s`, category: 'bugfix' as const }));
    const entries = tickets.map((tk) => timeEntry({ incidentId: tk.id, minutes: 5 }));
    const s = monthStatement(statementInput({ contracts, tickets, entries }));
    const { text, pages } = pdfText(await statementPdf(s, 'nl'));
    expect(pages).toBeGreaterThan(2);
    for (let n = 1; n <= pages; n += 1) expect(text).toContain(`Pagina ${n} van ${pages}`);
    expect(text).toContain('Maandoverzicht — maart 2026');
    expect(text).toContain('€ 1.234,50');
    expect(text).toMatch(/Totaal\s+10:00\s+10:00\s+30:00/);
    const en = pdfText(await statementPdf(s, 'en')).text;
    expect(en).toContain('€1,234.50');
  });

  it('prints an empty month as a statement saying so, and odd characters as "?"', async () => {
    const empty = pdfText(await statementPdf(monthStatement(statementInput()), 'en')).text;
    expect(empty).toContain('No time was logged');
    const s = monthStatement(statementInput({ tickets: [{ id: 'i1', title: 'Server 🔥 down 日本', category: null }], entries: [timeEntry({ minutes: 5 })] }));
    expect(pdfText(await statementPdf(s, 'en')).text).toContain('Server ? down ??');
  });
});
