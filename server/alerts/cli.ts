import { type Command, Option } from 'commander';
import {
  parseMatcher,
  MONITOR_LABEL,
  type Matcher,
  type PriorityMap,
  RESOLVE_POLICIES,
  type ResolvePolicy,
  unsafeRegex,
} from '../../shared/alerts/routing';
import { AlertSettings, parseDuration } from '../../shared/alerts/settings';
import { alertText } from '../../shared/alerts/text';
import { PRIORITIES, type Priority } from '../../shared/domain/incident';
import { VangnetError } from '../../shared/errors';
import type { ServerDb } from '../db/connect';
import {
  addHeartbeatMonitor,
  addRoute,
  clientByIdOrCode,
  listHeartbeatMonitors,
  listRoutes,
  platformOf,
  readAlertSettings,
  writeAlertSettings,
} from './repo';

type WithStore = <T>(cmd: Command, run: (store: ServerDb) => Promise<T>) => Promise<T>;
const collect = (value: string, previous: string[]) => [...previous, value];
const out = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

function matcherOf(text: string): Matcher {
  const m = parseMatcher(text);
  if (!m) throw new VangnetError('invalid_args', 'alerts.badMatcher', { text });
  if (m.op === '=~' || m.op === '!~') {
    const why = unsafeRegex(m.value);
    if (why) throw new VangnetError('invalid_args', 'alerts.unsafeRegex', { pattern: m.value, why: alertText('en', `regexWhy.${why}`) });
  }
  return m;
}

function priorityMapOf(texts: string[]): PriorityMap {
  const map: PriorityMap = {};
  for (const text of texts) {
    const [severity, priority] = text.split('=').map((s) => s.trim());
    if (!severity || !PRIORITIES.includes(priority?.toUpperCase() as Priority))
      throw new VangnetError('invalid_args', 'alerts.badPriorityMap', { text });
    map[severity.toLowerCase()] = priority!.toUpperCase() as Priority;
  }
  return map;
}

function durationOf(text: string): number {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new VangnetError('invalid_args', 'alerts.badDuration', { text });
  return ms;
}

const describeMatcher = (m: Matcher) => `${m.label}${m.op}${JSON.stringify(m.value)}`;

/** `vangnet-server admin add-route | list-routes | add-heartbeat | list-heartbeats | alert-settings` (docs/alerts-routing.md). */
export function registerAlertCommands(admin: Command, withStore: WithStore, now: () => number = Date.now): void {
  admin
    .command('add-route')
    .description(
      'route alerts of an integration to a client: matchers (all must hold), severity→priority, resolve policy; no matcher = default route',
    )
    .requiredOption('--integration <id>', 'the integration (webhook receiver) id')
    .requiredOption('--client <idOrCode>', 'client id or code')
    .option('--platform <idOrName>', "one of the client's platforms")
    .option('--match <matcher>', 'label=value, label!=value, label=~regex, label!~regex (repeatable)', collect, [])
    .option('--monitor <name>', 'Uptime Kuma monitor name')
    .option('--priority <severity=P>', 'severity to priority, e.g. critical=P1, default=P3 (repeatable)', collect, [])
    .addOption(new Option('--resolve-policy <policy>', 'what a resolved alert does').choices([...RESOLVE_POLICIES]).default('resolve'))
    .option('--position <n>', 'place among the routes (tried in increasing order); default after the last')
    .option('--json', 'print JSON')
    .action(
      async (
        opts: {
          integration: string;
          client: string;
          platform?: string;
          match: string[];
          monitor?: string;
          priority: string[];
          resolvePolicy: ResolvePolicy;
          position?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const matchers = opts.match.map(matcherOf);
        if (opts.monitor) matchers.push({ label: MONITOR_LABEL, op: '=', value: opts.monitor });
        const priorityMap = priorityMapOf(opts.priority);
        const position = opts.position === undefined ? undefined : Number(opts.position);
        if (position !== undefined && !Number.isInteger(position))
          throw new VangnetError('invalid_args', 'alerts.badNumber', { text: opts.position! });
        const route = await withStore(cmd, async (store) => {
          const client = await clientByIdOrCode(store.db, opts.client);
          if (!client) throw new VangnetError('not_found', 'alerts.unknownClient', { client: opts.client });
          const platform = opts.platform ? await platformOf(store.db, client.id, opts.platform) : null;
          if (opts.platform && !platform) throw new VangnetError('not_found', 'alerts.unknownPlatform', { platform: opts.platform });
          return addRoute(
            store.db,
            {
              integrationId: opts.integration,
              matchers,
              clientId: client.id,
              platformId: platform?.id ?? null,
              priorityMap,
              resolvePolicy: opts.resolvePolicy,
              ...(position === undefined ? {} : { position }),
            },
            now(),
          );
        });
        out(opts.json ? JSON.stringify(route) : `Added route ${route.id} at position ${route.position} of ${route.integrationId}`);
      },
    );

  admin
    .command('list-routes')
    .description('list alert routes, per integration in the order they are tried, and the alert settings')
    .option('--integration <id>', 'only this integration')
    .option('--json', 'print JSON')
    .action(async (opts: { integration?: string; json?: boolean }, cmd: Command) => {
      const [routes, settings] = await withStore(
        cmd,
        async (store) => [await listRoutes(store.db, opts.integration), await readAlertSettings(store.db)] as const,
      );
      if (opts.json) return out(JSON.stringify({ routes, settings }));
      for (const r of routes) {
        const match = r.matchers.length ? r.matchers.map(describeMatcher).join(' ') : '(default route: everything)';
        const prio = Object.entries(r.priorityMap)
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
        out(
          `${r.integrationId}  #${r.position}  ${match}  -> client ${r.clientId}${r.platformId ? ` platform ${r.platformId}` : ''}  ${r.resolvePolicy}${prio ? `  ${prio}` : ''}  ${r.id}`,
        );
      }
      out(
        `default client: ${settings.defaultClientId ?? 'none'}; flapping: ${settings.flapChanges} changes in ${settings.flapWindowMs / 60_000} min; group window ${settings.groupWindowMs / 60_000} min; notes in ${settings.noteLanguage}`,
      );
    });

  admin
    .command('add-heartbeat')
    .description("raise an incident when an integration stays silent past its interval plus grace (a dead man's switch)")
    .requiredOption('--integration <id>', 'the integration id')
    .requiredOption('--every <duration>', 'expected interval between deliveries, e.g. 5m')
    .option('--grace <duration>', 'extra time before it counts as silent', '1m')
    .option('--json', 'print JSON')
    .action(async (opts: { integration: string; every: string; grace: string; json?: boolean }, cmd: Command) => {
      const [everyMs, graceMs] = [durationOf(opts.every), durationOf(opts.grace)];
      const m = await withStore(cmd, (store) =>
        addHeartbeatMonitor(store.db, { integrationId: opts.integration, everyMs, graceMs }, now()),
      );
      out(
        opts.json ? JSON.stringify(m) : `Added heartbeat monitor ${m.id} on ${m.integrationId}: every ${opts.every}, grace ${opts.grace}`,
      );
    });

  admin
    .command('list-heartbeats')
    .description('list heartbeat monitors and when each last heard its integration')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const monitors = await withStore(cmd, (store) => listHeartbeatMonitors(store.db));
      if (opts.json) return out(JSON.stringify(monitors));
      for (const m of monitors)
        out(
          `${m.integrationId}  every ${m.everyMs / 1000} s + ${m.graceMs / 1000} s  last seen ${m.lastSeenAt ? new Date(m.lastSeenAt).toISOString() : 'never'}${m.silent ? '  SILENT' : ''}  ${m.id}`,
        );
    });

  admin
    .command('alert-settings')
    .description('show or change the alert settings: default client, flapping threshold, group window, note language')
    .option('--default-client <idOrCode>', 'client for alerts no route claims ("none" to clear)')
    .option('--flap-changes <n>', 'state changes within the flap window that mark flapping')
    .option('--flap-window <duration>', 'e.g. 30m')
    .option('--group-window <duration>', 'how long a group incident takes in new alerts of its group, e.g. 5m')
    .addOption(new Option('--note-language <lang>', 'language of the notes the server writes').choices(['nl', 'en']))
    .option('--json', 'print JSON')
    .action(
      async (
        opts: {
          defaultClient?: string;
          flapChanges?: string;
          flapWindow?: string;
          groupWindow?: string;
          noteLanguage?: 'nl' | 'en';
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const settings = await withStore(cmd, async (store) => {
          const patch: Partial<AlertSettings> = {};
          if (opts.defaultClient !== undefined) {
            if (opts.defaultClient === 'none') patch.defaultClientId = null;
            else {
              const client = await clientByIdOrCode(store.db, opts.defaultClient);
              if (!client) throw new VangnetError('not_found', 'alerts.unknownClient', { client: opts.defaultClient });
              patch.defaultClientId = client.id;
            }
          }
          if (opts.flapChanges !== undefined) patch.flapChanges = Number(opts.flapChanges);
          if (opts.flapWindow !== undefined) patch.flapWindowMs = durationOf(opts.flapWindow);
          if (opts.groupWindow !== undefined) patch.groupWindowMs = durationOf(opts.groupWindow);
          if (opts.noteLanguage !== undefined) patch.noteLanguage = opts.noteLanguage;
          const checked = AlertSettings.partial().safeParse(patch);
          if (!checked.success) throw new VangnetError('invalid_args', 'alerts.badNumber', { text: JSON.stringify(patch) });
          return Object.keys(patch).length ? writeAlertSettings(store.db, patch) : readAlertSettings(store.db);
        });
        out(
          opts.json
            ? JSON.stringify(settings)
            : `default client: ${settings.defaultClientId ?? 'none'}; flapping: ${settings.flapChanges} changes in ${settings.flapWindowMs / 60_000} min; group window ${settings.groupWindowMs / 60_000} min; notes in ${settings.noteLanguage}`,
        );
      },
    );
}
