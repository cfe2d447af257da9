import { englishExplainText, explainTextIn, type ExplainTextKey, type MessageParams } from '../messages/catalog';
import type { ClosureRun, Explanation, ExplainTarget } from './explanation';
import { HOUR_MS, MINUTE_MS } from './zone';

/**
 * Renders an explanation (shared/sla/explanation.ts) in one language. The words come from the
 * catalog through `text` — i18next's `t` on `messages.explain.*` in the renderer, the English
 * catalog in the CLI and the REST API — and dates from Intl parts rather than Intl's own patterns,
 * whose commas and periods differ between ICU versions, so tests can pin the sentences.
 */

export type ExplainLanguage = 'nl' | 'en';
/** Looks a piece of the explanation up in the catalog of the language on screen and fills it. */
export type ExplainText = (key: ExplainTextKey, params?: MessageParams) => string;

/** `nl`, `nl-NL`, `nl-BE` → Dutch; anything else → English. */
export function explainLanguage(locale: string): ExplainLanguage {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** `2 h 10 m` / `2 u 10 m`, rounded to the minute; hours are not folded into days on purpose (SLA targets are in hours). */
export function durationText(ms: number, text: ExplainText): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const hours = Math.floor(minutes / 60);
  const sign = ms < 0 && minutes > 0 ? '−' : '';
  if (hours === 0) return sign + text('minutes', { minutes });
  return sign + (minutes % 60 === 0 ? text('wholeHours', { hours }) : text('hoursMinutes', { hours, minutes: minutes % 60 }));
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, timeZone: string, lang: ExplainLanguage, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...options, timeZone });
    formats.set(key, format);
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) out[p.type] = p.value.replace(/\.$/, '');
  return out;
}

/** `Mon 29 Dec 10:00` / `ma 29 dec 10:00` in `timeZone`. */
export function instantText(ms: number, timeZone: string, lang: ExplainLanguage): string {
  const p = partsOf(ms, timeZone, lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** `25–26 Dec`, `25 Dec`, `31 Dec – 1 Jan` for local dates `YYYY-MM-DD`. */
function dateRange(first: string, last: string, lang: ExplainLanguage): string {
  const a = partsOf(Date.parse(`${first}T00:00:00Z`), 'UTC', lang, { day: 'numeric', month: 'short' });
  const b = partsOf(Date.parse(`${last}T00:00:00Z`), 'UTC', lang, { day: 'numeric', month: 'short' });
  if (first === last) return `${a.day} ${a.month}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${b.month}`;
  return `${a.day} ${a.month} – ${b.day} ${b.month}`;
}

function listText(items: string[], text: ExplainText): string {
  if (items.length <= 1) return items.join('');
  return text('lastOfList', { rest: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

function targetText(target: ExplainTarget, text: ExplainText): string {
  const n = target.ms / HOUR_MS;
  const whole = target.ms % HOUR_MS === 0;
  if (target.alwaysOpen) return whole ? (n === 1 ? text('hour') : text('hours', { n })) : durationText(target.ms, text);
  if (!whole) return text('businessTime', { duration: durationText(target.ms, text) });
  return n === 1 ? text('businessHour') : text('businessHours', { n });
}

function closureText(run: ClosureRun, lang: ExplainLanguage, text: ExplainText): string {
  return text('closure', { names: listText([...new Set(run.names.map((n) => n[lang]))], text), dates: dateRange(run.first, run.last, lang) });
}

/** The explanation as one sentence in `lang`, its words from `text`. */
export function explanationText(e: Explanation, lang: ExplainLanguage, text: ExplainText): string {
  if (e.key === 'none') return text('none');
  const at = (iso: string) => instantText(Date.parse(iso), e.params.timeZone, lang);
  const duration = (ms: number) => durationText(ms, text);
  const target = targetText(e.params.target, text);
  if (e.key === 'met') return text(`met.${e.params.clock}`, { at: at(e.params.at), used: duration(e.params.usedMs), target });
  if (e.key === 'paused') return text('paused', { since: at(e.params.since), left: duration(e.params.leftMs), target });

  const p = e.params;
  const head = text(e.key, { at: at(p.at), left: duration(p.leftMs ?? 0) });
  const details: string[] = [];
  if (p.countingFrom !== null) details.push(text('countingFrom', { at: at(p.countingFrom) }));
  const skipped = p.closures.map((run) => closureText(run, lang, text));
  if (p.weekends > 0) skipped.push(p.weekends === 1 ? text('weekend') : text('weekends', { n: p.weekends }));
  if (skipped.length > 0) details.push(text('skips', { list: listText(skipped, text) }));
  if (p.pausedMs > 0) details.push(text('pausedFor', { duration: duration(p.pausedMs) }));
  if (p.stoppedAt !== null) details.push(text(`stopped.${p.clock}`, { at: at(p.stoppedAt) }));
  return [text('span', { head, target, start: at(p.startedAt) }), ...details].join('; ');
}

/** The explanation in English, for the CLI, the logs and the REST API's `explanationText`. */
export function englishExplanation(e: Explanation): string {
  return explanationText(e, 'en', englishExplainText);
}

/** The explanation in `lang` from the shared catalogs, for the CLI's `--lang`. */
export function catalogExplanation(e: Explanation, lang: ExplainLanguage): string {
  return explanationText(e, lang, explainTextIn(lang));
}

/** A duration in English (`2 h 10 m`), for the CLI. */
export function englishDuration(ms: number): string {
  return durationText(ms, englishExplainText);
}
