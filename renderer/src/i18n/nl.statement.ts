import type { Translation } from './en';
import { statementLabels } from '../../../shared/billing/statementLabels';

/** The budget and table words are the exported statement's own (one source for screen, CSV and PDF). */
const L = statementLabels('nl');

type StatementTexts = Pick<Translation, 'statement'>;

/** Nederlandse teksten van het maandoverzicht van een klant (renderer/src/rooms/clients/StatementPanel.tsx). */
export const nlStatement: StatementTexts = {
  statement: {
    open: 'Maandoverzicht',
    close: 'Overzicht sluiten',
    title: 'Maandoverzicht',
    month: 'Maand',
    previous: 'Vorige maand',
    next: 'Volgende maand',
    loading: 'Overzicht laden…',
    empty: 'In deze maand is geen tijd geschreven en viel geen SLA-uitkomst: een leeg overzicht.',
    model: 'Kostenmodel: {{model}} · afronding op {{increment}} min',
    noContract: 'Geen contract van kracht deze maand: elke minuut telt zoals hij is.',
    support: 'Support',
    changeRequests: 'Wijzigingsverzoeken',
    changeRequestsNote: 'Apart geoffreerd, nooit van het supportbudget.',
    none: 'Geen deze maand.',
    noTicket: 'Tijd zonder ticket',
    total: 'Totaal',
    col: L.col,
    roundedTitle: 'Per ticket per maand naar boven afgerond op de afrondingseenheid',
    budget: 'Budget',
    models: { prepaid: L.model.prepaid, subscription: L.model.subscription, all_in: L.model.all_in },
    prepaid: L.prepaid,
    subscription: L.subscription,
    allIn: L.allIn,
    audit: L.audit,
    sla: 'SLA per prioriteit',
    slaCol: L.slaCol,
    exportCsv: 'CSV exporteren',
    exportPdf: 'PDF exporteren',
    exporting: '{{format}} wordt gemaakt…',
    exported: '{{file}} gedownload',
  },
};
