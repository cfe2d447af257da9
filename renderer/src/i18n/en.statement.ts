import { statementLabels } from '../../../shared/billing/statementLabels';

/** The budget and table words are the exported statement's own (one source for screen, CSV and PDF). */
const L = statementLabels('en');
/** English strings of the client's month statement (renderer/src/rooms/clients/StatementPanel.tsx). */
export const enStatement = {
  statement: {
    open: 'Month statement',
    close: 'Close statement',
    title: 'Month statement',
    month: 'Month',
    previous: 'Previous month',
    next: 'Next month',
    loading: 'Loading the statement…',
    empty: 'No time was logged and no SLA outcome fell in this month: an empty statement.',
    model: 'Cost model: {{model}} · billing increment {{increment}} min',
    noContract: 'No contract in force this month: every minute counts as it is.',
    support: 'Support',
    changeRequests: 'Change requests',
    changeRequestsNote: 'Billed on their own quote, never from the support budget.',
    none: 'None this month.',
    noTicket: 'Time without a ticket',
    total: 'Total',
    col: L.col,
    roundedTitle: 'Rounded up per ticket per month to the billing increment',
    budget: 'Budget',
    models: { prepaid: L.model.prepaid, subscription: L.model.subscription, all_in: L.model.all_in },
    prepaid: L.prepaid,
    subscription: L.subscription,
    allIn: L.allIn,
    audit: L.audit,
    sla: 'SLA per priority',
    slaCol: L.slaCol,
    exportCsv: 'Export CSV',
    exportPdf: 'Export PDF',
    exporting: 'Building the {{format}}…',
    exported: '{{file}} downloaded',
  },
};
