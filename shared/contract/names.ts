import type { CallName, EventName } from '../contract';

/**
 * The contract's call and event names, and nothing else: no schemas, so no zod and no holiday
 * database. The sandboxed preload builds `window.vangnet` from these alone and stays small
 * (test/integration/preloadSize.test.ts). The `satisfies` clauses and the checks below make the
 * compiler refuse a name that is not in the contract, and a contract call or event missing here.
 */
export const CALL_NAMES = [
  'app.info',
  'profile.get',
  'profile.set',
  'clients.list',
  'clients.create',
  'incidents.list',
  'incidents.get',
  'incidents.create',
  'incidents.update',
  'incidents.setStatus',
  'incidents.acknowledge',
  'incidents.reply',
  'incidents.note',
  'incidents.assign',
  'incidents.setCategory',
  'incidents.timeline',
  'contracts.get',
  'contracts.set',
  'contracts.template',
  'contracts.whatIf',
  'contracts.importIcal',
  'contracts.week',
  'platforms.list',
  'platforms.create',
  'platforms.delete',
  'engineers.list',
  'settings.get',
  'settings.set',
  'sync.status',
  'sync.login',
  'sync.now',
  'sync.dismiss',
  'sync.verify',
  'sync.repair',
  'audit.forEntity',
  'audit.fetchHistory',
  'store.status',
  'store.restore',
  'time.running',
  'time.start',
  'time.stop',
  'time.log',
  'time.update',
  'time.delete',
  'time.list',
  'time.question',
  'time.answer',
  'timer.idleQuestion',
  'timer.answerIdle',
  'budget.forClient',
  'budget.buy',
  'budget.adjust',
  'statement.forClient',
  'statement.export',
  'month.close',
  'month.reopen',
  'month.list',
  'time.people',
  'changeRequests.forIncident',
  'changeRequests.list',
  'changeRequests.convert',
  'changeRequests.toSupport',
  'changeRequests.update',
  'changeRequests.setStatus',
  'bundling.suggestion',
  'bundling.preview',
  'bundling.merge',
  'budget.month',
  'reports.hoursByCategory',
  'reports.bundleBurndown',
] as const satisfies readonly CallName[];

export const EVENT_NAMES = [
  'data.changed',
  'sync.status',
  'store.status',
  'sla.alert',
  'budget.alert',
  'time.idle',
  'shell.openIncident',
] as const satisfies readonly EventName[];

/** `true` only when every name of `All` is listed; otherwise the missing names, as a type error. */
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const callsComplete: Complete<CallName, (typeof CALL_NAMES)[number]> = true;
const eventsComplete: Complete<EventName, (typeof EVENT_NAMES)[number]> = true;
void callsComplete;
void eventsComplete;

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}
