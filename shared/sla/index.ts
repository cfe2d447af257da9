/**
 * The SLA engine: calendars (business hours, holidays, closures, iCal), their compiled interval
 * arithmetic, the response and resolution clocks, and explanations for people. See
 * docs/sla-engine.md for the rules and worked examples.
 */
export * from './calendar';
export * from './compiled';
export * from './closureMerge';
export * from './clocks';
export * from './explain';
export * from './explanationText';
export * from './holidays';
export * from './ical';
export * from './policy';
export * from './timeline';
export * from './view';
export type { ClosureHit } from './yearSpan';
export { DAY_MS, HOUR_MS, MINUTE_MS, assertTimeZone, isTimeZone, localRangeToUtc, localToUtc, offsetAt, utcToLocal } from './zone';
