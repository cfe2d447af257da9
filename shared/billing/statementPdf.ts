import PDFDocument from 'pdfkit';
import type { Statement, StatementLine } from './statement';
import { fill, formatEuro, formatHm, formatMonth, type StatementLang, statementLabels } from './statementLabels';

/**
 * A statement as an A4 PDF. pdfkit reads its font metrics from files beside its own code at run
 * time, so the bundles keep it external (build/bins.mjs, build/bundle.mjs); this module is itself
 * imported only when a PDF is asked for (statementFile.ts), so nothing else loads pdfkit. Header with agency, client and
 * month; the ticket tables (raw, billable and rounded minutes as h:mm); the budget of the cost
 * model; SLA per priority; page numbers. The standard Helvetica font covers Latin-1 and €; other
 * characters print as "?" rather than as broken glyphs.
 */

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const WIDTH = A4_WIDTH - 2 * MARGIN;

/** Helvetica's WinAnsi set: Latin-1 and a few typographic marks. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff€–—‘’“”•…]/gu, '?');
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

function table(doc: Doc, columns: Column[], rows: string[][], options: { boldLast?: boolean; header?: boolean } = {}): void {
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(printable(c), { width: columns[i]!.width - 6 }))) + 6;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const h = rowHeight(cells);
    if (doc.y + h > A4_HEIGHT - MARGIN - 20) {
      doc.addPage();
      if (options.header !== false && cells !== header) drawHeader();
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.text(printable(c), x + 3, y + 3, { width: col.width - 6, align: col.align ?? 'left' });
      x += col.width;
    });
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + WIDTH, y + h).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.title);
  const drawHeader = () => drawRow(header, true);
  if (options.header !== false) drawHeader();
  rows.forEach((r, i) => drawRow(r, options.boldLast === true && i === rows.length - 1));
}

/** A section title, on a new page when less than `keep` points of the page are left for what follows. */
function heading(doc: Doc, text: string, keep = 80): void {
  if (doc.y > A4_HEIGHT - MARGIN - keep) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(printable(text), MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function pairs(doc: Doc, rows: [string, string][]): void {
  table(
    doc,
    [
      { title: '', width: WIDTH * 0.6 },
      { title: '', width: WIDTH * 0.4, align: 'right' },
    ],
    rows.map(([a, b]) => [a, b]),
    { header: false },
  );
}

export async function statementPdf(s: Statement, lang: StatementLang): Promise<Uint8Array> {
  const t = statementLabels(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${t.title} ${s.client.code} ${s.month}`, Author: t.agency },
    lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(10).fillColor('#555555').text(t.agency, MARGIN, MARGIN);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(`${t.title} — ${formatMonth(s.month, lang)}`);
  doc.font('Helvetica').fontSize(11).text(printable(`${t.client}: ${s.client.name} (${s.client.code})`));
  doc.text(`${t.contract}: ${t.model[s.costModel ?? 'none']} · ${t.increment}: ${s.incrementMinutes} ${t.minutesUnit}`);
  doc.fontSize(8).fillColor('#555555').text(fill(t.generated, { zone: s.timeZone })).fillColor('#000000');
  if (s.empty) doc.moveDown().fontSize(11).text(t.empty);

  const cols: Column[] = [
    { title: t.col.ticket, width: 150 },
    { title: t.col.category, width: 85 },
    { title: t.col.engineers, width: 90 },
    { title: t.col.raw, width: 45, align: 'right' },
    { title: t.col.billableRaw, width: 62, align: 'right' },
    { title: t.col.rounded, width: WIDTH - 432, align: 'right' },
  ];
  const lineRow = (l: StatementLine) => [
    l.ticketId === null ? t.noTicket : (l.title ?? l.ticketId),
    t.category[l.category ?? 'none'],
    l.engineers.join(', '),
    formatHm(l.rawMinutes),
    formatHm(l.billableRawMinutes),
    formatHm(l.roundedMinutes),
  ];
  const section = (title: string, lines: StatementLine[], total: Statement['supportTotal']) => {
    heading(doc, title);
    if (lines.length === 0) doc.font('Helvetica').fontSize(10).text(t.none);
    else
      table(doc, cols, [...lines.map(lineRow), [t.total, '', '', formatHm(total.rawMinutes), formatHm(total.billableRawMinutes), formatHm(total.roundedMinutes)]], {
        boldLast: true,
      });
  };
  section(t.support, s.support, s.supportTotal);
  section(t.changeRequests, s.changeRequests, s.changeRequestTotal);

  if (s.prepaid || s.subscription || s.allIn) heading(doc, `${t.budget} — ${t.model[s.costModel ?? 'none']}`);
  if (s.prepaid) {
    const p = s.prepaid;
    pairs(doc, [
      [t.prepaid.before, formatHm(p.balanceBeforeMinutes)],
      [t.prepaid.purchased, formatHm(p.purchasedMinutes)],
      [t.prepaid.drawn, formatHm(p.drawnMinutes)],
      [t.prepaid.expired, formatHm(p.expiredMinutes)],
      [t.prepaid.after, formatHm(p.balanceAfterMinutes)],
    ]);
  }
  if (s.subscription) {
    const m = s.subscription;
    pairs(doc, [
      [t.subscription.included, formatHm(m.includedMinutes)],
      [t.subscription.used, formatHm(m.usedMinutes)],
      [t.subscription.overage, formatHm(m.overageMinutes)],
      [t.subscription.fee, formatEuro(m.feeCents, lang)],
      [t.subscription.overageCost, m.overageCents === null ? t.subscription.unpriced : formatEuro(m.overageCents, lang)],
      [t.subscription.total, m.totalCents === null ? t.subscription.unpriced : formatEuro(m.totalCents, lang)],
    ]);
  }
  if (s.allIn) {
    const a = s.allIn;
    pairs(doc, [
      [t.allIn.capacity, formatHm(a.capacityMinutes)],
      [t.allIn.used, `${formatHm(a.usedMinutes)} (${a.usedPercent}%)`],
      [t.allIn.remaining, formatHm(a.remainingMinutes)],
      [t.allIn.over, formatHm(a.overCapacityMinutes)],
      [t.allIn.audit, fill(t.audit[a.audit.status], { month: a.audit.dueMonth })],
    ]);
  }

  heading(doc, t.sla, 170);
  const w = WIDTH / 6;
  table(
    doc,
    [t.slaCol.priority, t.slaCol.incidents, t.slaCol.responseMet, t.slaCol.responseMissed, t.slaCol.resolutionMet, t.slaCol.resolutionMissed].map((title, i) => ({
      title,
      width: w,
      align: i === 0 ? ('left' as const) : ('right' as const),
    })),
    s.sla.map((r) => [r.priority, r.incidents, r.responseMet, r.responseMissed, r.resolutionMet, r.resolutionMissed].map(String)),
  );

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const text = fill(t.page, { n: i + 1, of: range.count });
    // Below the bottom margin: lift it while writing, or pdfkit starts a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`${s.client.code} · ${s.month} · ${text}`, MARGIN, A4_HEIGHT - 35, { width: WIDTH, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
