import type { Category } from '../domain/incident';

/**
 * The words of an exported statement (CSV headers, the PDF), English and Dutch. They live here,
 * beside the exports, because the engine, the CLI and the office server all write the same files.
 */
export const STATEMENT_LANGS = ['en', 'nl'] as const;
export type StatementLang = (typeof STATEMENT_LANGS)[number];

const en = {
  title: 'Month statement',
  agency: 'Vangnet support',
  client: 'Client',
  month: 'Month',
  contract: 'Cost model',
  increment: 'Billing increment',
  minutesUnit: 'min',
  support: 'Support',
  changeRequests: 'Change requests (billed on their own quote, not from the support budget)',
  noTicket: 'Time without a ticket',
  total: 'Total',
  empty: 'No time was logged and no SLA outcome fell in this month.',
  none: 'None this month.',
  budget: 'Budget',
  sla: 'SLA per priority',
  page: 'Page {{n}} of {{of}}',
  generated: 'Times in {{zone}}; raw minutes as worked, rounded up per ticket per month.',
  csv: {
    month: 'month',
    ticket: 'ticket',
    title: 'title',
    category: 'category',
    scope: 'scope',
    engineers: 'engineers',
    entries: 'entries',
    raw: 'raw_minutes',
    billableRaw: 'billable_raw_minutes',
    rounded: 'rounded_minutes',
  },
  col: { ticket: 'Ticket', category: 'Category', engineers: 'Who worked', raw: 'Raw', billableRaw: 'Billable', rounded: 'Rounded' },
  scope: { support: 'support', change_request: 'change request' },
  model: { prepaid: 'Prepaid bundle', subscription: 'Maintenance subscription', all_in: 'All-in SLA', none: 'No contract' },
  prepaid: {
    before: 'Balance at the start of the month',
    purchased: 'Bought this month',
    drawn: 'Drawn this month',
    expired: 'Expired this month',
    after: 'Balance at the end of the month',
  },
  subscription: { included: 'Included', used: 'Used (rounded)', overage: 'Overage', fee: 'Monthly fee', overageCost: 'Overage cost', total: 'Total', unpriced: 'not priced (no hourly rate)' },
  allIn: { capacity: 'Guaranteed capacity', used: 'Capacity used', remaining: 'Remaining', over: 'Over capacity', audit: 'Security audit' },
  audit: { upcoming: 'next due in {{month}}', due: 'due this month', overdue: 'overdue since {{month}}' },
  slaCol: { priority: 'Priority', incidents: 'Incidents', responseMet: 'Response met', responseMissed: 'Response missed', resolutionMet: 'Resolution met', resolutionMissed: 'Resolution missed' },
  category: {
    monitoring: 'Monitoring',
    security: 'Security',
    cms_help: 'CMS help',
    bugfix: 'Bug fix',
    scaling: 'Scaling',
    new_functionality: 'New functionality',
    none: 'Not sorted yet',
  } satisfies Record<Category | 'none', string>,
};

export type StatementLabels = typeof en;

const nl: StatementLabels = {
  title: 'Maandoverzicht',
  agency: 'Vangnet support',
  client: 'Klant',
  month: 'Maand',
  contract: 'Kostenmodel',
  increment: 'Afrondingseenheid',
  minutesUnit: 'min',
  support: 'Support',
  changeRequests: 'Wijzigingsverzoeken (apart geoffreerd, niet van het supportbudget)',
  noTicket: 'Tijd zonder ticket',
  total: 'Totaal',
  empty: 'In deze maand is geen tijd geschreven en viel geen SLA-uitkomst.',
  none: 'Geen deze maand.',
  budget: 'Budget',
  sla: 'SLA per prioriteit',
  page: 'Pagina {{n}} van {{of}}',
  generated: 'Tijden in {{zone}}; ruwe minuten zoals gewerkt, per ticket per maand naar boven afgerond.',
  csv: {
    month: 'maand',
    ticket: 'ticket',
    title: 'titel',
    category: 'categorie',
    scope: 'soort',
    engineers: 'engineers',
    entries: 'registraties',
    raw: 'ruwe_minuten',
    billableRaw: 'declarabele_ruwe_minuten',
    rounded: 'afgeronde_minuten',
  },
  col: { ticket: 'Ticket', category: 'Categorie', engineers: 'Wie werkte', raw: 'Ruw', billableRaw: 'Declarabel', rounded: 'Afgerond' },
  scope: { support: 'support', change_request: 'wijzigingsverzoek' },
  model: { prepaid: 'Strippenkaart', subscription: 'Onderhoudsabonnement', all_in: 'All-in SLA', none: 'Geen contract' },
  prepaid: {
    before: 'Saldo aan het begin van de maand',
    purchased: 'Gekocht deze maand',
    drawn: 'Afgeschreven deze maand',
    expired: 'Vervallen deze maand',
    after: 'Saldo aan het eind van de maand',
  },
  subscription: { included: 'Inbegrepen', used: 'Gebruikt (afgerond)', overage: 'Meerwerk', fee: 'Maandbedrag', overageCost: 'Kosten meerwerk', total: 'Totaal', unpriced: 'niet geprijsd (geen uurtarief)' },
  allIn: { capacity: 'Gegarandeerde capaciteit', used: 'Capaciteit gebruikt', remaining: 'Over', over: 'Boven capaciteit', audit: 'Security-audit' },
  audit: { upcoming: 'volgende in {{month}}', due: 'deze maand', overdue: 'te laat sinds {{month}}' },
  slaCol: { priority: 'Prioriteit', incidents: 'Incidenten', responseMet: 'Reactie gehaald', responseMissed: 'Reactie gemist', resolutionMet: 'Oplossing gehaald', resolutionMissed: 'Oplossing gemist' },
  category: {
    monitoring: 'Monitoring',
    security: 'Beveiliging',
    cms_help: 'Hulp bij het CMS',
    bugfix: 'Bugfix',
    scaling: 'Opschalen',
    new_functionality: 'Nieuwe functionaliteit',
    none: 'Nog niet ingedeeld',
  },
};

export function statementLabels(lang: StatementLang): StatementLabels {
  return lang === 'nl' ? nl : en;
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

const LOCALES: Record<StatementLang, string> = { en: 'en-IE', nl: 'nl-NL' };

/** Euro cents as people read them: "€ 1.234,50" (nl) or "€1,234.50" (en). */
export function formatEuro(cents: number, lang: StatementLang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Minutes as hours and minutes: "2:05". */
export function formatHm(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** "March 2026" / "maart 2026". */
export function formatMonth(month: string, lang: StatementLang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
