import type { ShellLanguage } from './alertText';
import type { BudgetAlert } from './notifier';

/**
 * The words and urgency of a prepaid threshold as a native notification (Electron main), made
 * outside React's i18n like the SLA alert's (./alertText.ts). The same sentences as the in-page
 * banner (renderer BudgetAlertBanner): "Acme: 10 % of prepaid hours left (4 h 30 m)". Used up (the
 * 0 % threshold) is critical, as the banner's role=alert; a threshold on the way is normal.
 */
export interface BudgetNotification {
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  /** The client to open when the notification is clicked. */
  clientId: string;
}

const TEXT = {
  nl: {
    title: 'Strippenkaart {{code}}',
    threshold: '{{client}}: nog {{percent}} % van de strippenkaart over ({{left}})',
    empty: '{{client}}: strippenkaart op',
    over: '{{client}}: strippenkaart op, {{over}} overschreden',
    hours: '{{h}} u {{m}} m',
  },
  en: {
    title: 'Prepaid hours {{code}}',
    threshold: '{{client}}: {{percent}} % of prepaid hours left ({{left}})',
    empty: '{{client}}: prepaid hours used up',
    over: '{{client}}: prepaid hours used up, over by {{over}}',
    hours: '{{h}} h {{m}} m',
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(params[key] ?? ''));
}

/** Minutes as "4 h 30 m" / "4 u 30 m", like the budget card. */
export function shellHours(minutes: number, language: ShellLanguage): string {
  const abs = Math.abs(minutes);
  return fill(TEXT[language].hours, { h: Math.floor(abs / 60), m: abs % 60 });
}

export function budgetNotification(alert: BudgetAlert, language: ShellLanguage): BudgetNotification {
  const text = TEXT[language];
  const client = alert.clientName;
  const body =
    alert.thresholdPercent > 0
      ? fill(text.threshold, { client, percent: alert.thresholdPercent, left: shellHours(Math.max(0, alert.remainingMinutes), language) })
      : alert.overrunMinutes > 0
        ? fill(text.over, { client, over: shellHours(alert.overrunMinutes, language) })
        : fill(text.empty, { client });
  return {
    title: fill(text.title, { code: alert.clientCode }),
    body,
    urgency: alert.thresholdPercent === 0 ? 'critical' : 'normal',
    clientId: alert.clientId,
  };
}
