import { interpolate, lookup, type MessageParams } from '../messages/catalog';
import { en } from '../messages/en';
import { nl } from '../messages/nl';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A text the server writes on a timeline when it acts on alerts (`en.alerts`), e.g. `notes.flapping`. */
export type AlertTextKey = Leaves<typeof en.alerts>;

/**
 * The server has no reader's language when it writes a note: notes are stored text, synced as
 * written. So it writes them in the team's language (alert setting `noteLanguage`, Dutch unless set).
 */
export function alertText(lang: 'nl' | 'en', key: AlertTextKey, params?: MessageParams): string {
  const section = lang === 'nl' ? nl.alerts : en.alerts;
  return interpolate(lookup(section, key) ?? key, params);
}
