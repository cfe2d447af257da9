import { type Catalog, en } from './en';

/** A value a message may name: an id, a count, a bound. */
export type MessageParams = Record<string, string | number>;

/** Every dotted path to a string in `T`: `incident.unknown`, `format.uuid`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The key of an error's message (`en.errors`), e.g. `incident.unknown`. */
export type MessageKey = Leaves<typeof en.errors>;
/** The code of a field issue (`en.issues`), e.g. `format.uuid`, `number.max`. */
export type IssueCode = Leaves<typeof en.issues>;
/** Why the iCal importer skipped an event (`en.ical`). */
export type IcalReasonCode = keyof typeof en.ical;

/** The text at a dotted path of a catalog section, or undefined. */
export function lookup(section: object, key: string): string | undefined {
  let at: unknown = section;
  for (const part of key.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' ? at : undefined;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && lookup(en.errors, key) !== undefined;
}

export function isIssueCode(code: unknown): code is IssueCode {
  return typeof code === 'string' && lookup(en.issues, code) !== undefined;
}

/** Fills i18next-style `{{name}}` placeholders; one left unfilled stays visible rather than vanishing. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The English text of an error's message: for logs, the CLI and the server's `detail`. */
export function englishMessage(key: MessageKey, params?: MessageParams): string {
  return interpolate(lookup(en.errors, key) ?? key, params);
}

/** The English text of a field issue. */
export function englishIssue(code: IssueCode, params?: MessageParams): string {
  return interpolate(lookup(en.issues, code) ?? code, params);
}

/** The English text of an iCal importer's note, for the CLI. */
export function englishIcalReason(code: IcalReasonCode, params?: MessageParams): string {
  return interpolate(en.ical[code], params);
}

/** Every dotted key of a catalog section, for the tests that hold the languages to the same keys. */
export function catalogKeys(section: object, prefix = ''): string[] {
  return Object.entries(section).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : catalogKeys(v as object, `${prefix}${k}.`)));
}

export type { Catalog };

/** The key of a billing notice, hint or suggestion (`en.billing`), e.g. `billing.scope.support`. */
export type BillingKey = `billing.${Leaves<typeof en.billing>}`;

/** A billing text as data: what the UI renders in its language, and the CLI in English. */
export interface BillingText {
  key: BillingKey;
  params: MessageParams;
}

/** The English text of a billing notice, for the CLI and logs. */
export function englishBilling(text: BillingText): string {
  return interpolate(lookup(en, text.key) ?? text.key, text.params);
}
