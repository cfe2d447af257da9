import type { AlertLevel, SlaAlert } from './notifier';

/**
 * The words of an SLA alert, for the shells that show it outside React's i18n: Electron main's
 * native notification and tray tooltip. The web host's banner uses the same words (and keeps them
 * out of the renderer's i18n files, so both shells say the same thing). Never English on a Dutch screen: the caller passes the UI's language.
 */
export type ShellLanguage = 'nl' | 'en';

const TEXT = {
  nl: {
    at_risk: 'SLA loopt gevaar',
    breached: 'SLA overschreden',
    open: 'Openen',
    dismiss: 'Sluiten',
    region: 'SLA-meldingen',
    level: { none: 'Vangnet', amber: 'Vangnet — SLA loopt gevaar', red: 'Vangnet — SLA overschreden' },
  },
  en: {
    at_risk: 'SLA at risk',
    breached: 'SLA breached',
    open: 'Open',
    dismiss: 'Dismiss',
    region: 'SLA alerts',
    level: { none: 'Vangnet', amber: 'Vangnet — SLA at risk', red: 'Vangnet — SLA breached' },
  },
} as const;

/** `nl` for any Dutch locale tag (nl, nl-NL, nl-BE), English otherwise. */
export function shellLanguage(tag: string | null | undefined): ShellLanguage {
  return tag?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function slaAlertText(alert: SlaAlert, language: ShellLanguage): { title: string; body: string } {
  return {
    title: `${TEXT[language][alert.kind]}: ${alert.priority} ${alert.clientCode}`,
    body: alert.title,
  };
}

export function alertLevelText(level: AlertLevel, language: ShellLanguage): string {
  return TEXT[language].level[level];
}

export function alertActionText(action: 'open' | 'dismiss' | 'region', language: ShellLanguage): string {
  return TEXT[language][action];
}
