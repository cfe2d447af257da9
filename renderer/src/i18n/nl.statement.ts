import type { Translation } from './en';

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
    col: { ticket: 'Ticket', category: 'Categorie', engineers: 'Wie werkte', raw: 'Ruw', billableRaw: 'Declarabel', rounded: 'Afgerond' },
    roundedTitle: 'Per ticket per maand naar boven afgerond op de afrondingseenheid',
    budget: 'Budget',
    models: { prepaid: 'Strippenkaart', subscription: 'Onderhoudsabonnement', all_in: 'All-in SLA' },
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
    sla: 'SLA per prioriteit',
    slaCol: { priority: 'Prioriteit', incidents: 'Incidenten', responseMet: 'Reactie gehaald', responseMissed: 'Reactie gemist', resolutionMet: 'Oplossing gehaald', resolutionMissed: 'Oplossing gemist' },
    exportCsv: 'CSV exporteren',
    exportPdf: 'PDF exporteren',
    exporting: '{{format}} wordt gemaakt…',
    exported: '{{file}} gedownload',
  },
};
