import { z } from 'zod';
import { Priority } from '../domain/incident';
import type { NormalizedAlert } from './normalized';

/**
 * Alert routing: which client (and platform) an alert is about, how urgent it is and what its
 * resolution does. Pure: the server stores routes (server/alerts/routesRepo.ts) and asks here.
 * Routes of an integration are tried in position order; the first whose matchers all hold wins.
 * A route without matchers matches everything (an integration's default route); when none
 * matches, the server-wide default client catches the alert (see `routeAlert`).
 */

export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

/** The pseudo-label that matches an Uptime Kuma monitor's name (the alert's title for that source). */
export const MONITOR_LABEL = '@monitor';

/** A regex longer than this is refused when a route is made; label values are cut to VALUE_MAX before a test. */
export const REGEX_MAX = 256;
export const VALUE_MAX = 1024;

export const Matcher = z.object({
  label: z.string().min(1).max(100),
  op: z.enum(MATCH_OPS),
  value: z.string().max(REGEX_MAX),
});
export type Matcher = z.infer<typeof Matcher>;

export const RESOLVE_POLICIES = ['resolve', 'annotate'] as const;
export type ResolvePolicy = (typeof RESOLVE_POLICIES)[number];

/** Severity (lower-cased) → priority; the key `default` is the priority of any other severity, or none. */
export const PriorityMap = z.record(z.string().min(1).max(40), Priority);
export type PriorityMap = z.infer<typeof PriorityMap>;

export const DEFAULT_PRIORITY_MAP: Readonly<PriorityMap> = Object.freeze({
  critical: 'P1',
  error: 'P2',
  high: 'P2',
  warning: 'P3',
  info: 'P4',
  default: 'P3',
});

export interface AlertRoute {
  id: string;
  integrationId: string;
  position: number;
  matchers: Matcher[];
  clientId: string;
  platformId: string | null;
  /** Overrides of DEFAULT_PRIORITY_MAP, by severity. */
  priorityMap: PriorityMap;
  resolvePolicy: ResolvePolicy;
}

/**
 * Why a pattern is refused, or null when it may be used. JavaScript has no regex timeout, so the
 * guard is static: a length cap, and no quantified group that itself holds a quantifier (`(a+)+`,
 * `(.*a){9}`), the shape behind catastrophic backtracking; values are also cut to VALUE_MAX.
 */
export function unsafeRegex(pattern: string): 'tooLong' | 'nested' | 'invalid' | null {
  if (pattern.length > REGEX_MAX) return 'tooLong';
  try {
    new RegExp(pattern);
  } catch {
    return 'invalid';
  }
  if (/\([^()]*[*+}][^()]*\)\s*[*+{?]/.test(pattern) || /\([^()]*\([^()]*[*+}][^()]*\)[^()]*\)\s*[*+{]/.test(pattern)) return 'nested';
  return null;
}

const compiled = new Map<string, RegExp>();

/** Anchored, as Alertmanager anchors its regex matchers. Compiled once per pattern. */
function regexOf(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (!re) {
    if (unsafeRegex(pattern)) return null;
    re = new RegExp(`^(?:${pattern})$`);
    if (compiled.size < 1000) compiled.set(pattern, re);
  }
  return re;
}

/** The value a matcher tests: a label (absent is ''), or the monitor name for `@monitor`. */
function valueOf(alert: NormalizedAlert, label: string): string {
  const raw = label === MONITOR_LABEL ? (alert.source === 'uptime-kuma' ? alert.title : '') : (alert.labels[label] ?? '');
  return raw.slice(0, VALUE_MAX);
}

export function matches(matcher: Matcher, alert: NormalizedAlert): boolean {
  const value = valueOf(alert, matcher.label);
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return regexOf(matcher.value)?.test(value) ?? false;
    case '!~': {
      const re = regexOf(matcher.value);
      return re ? !re.test(value) : false;
    }
    default: {
      const never: never = matcher.op;
      throw new Error(`unknown matcher op ${String(never)}`);
    }
  }
}

/** Where an alert goes: a stored route, the server-wide default client, or nowhere. */
export type Routing = { kind: 'route'; route: AlertRoute } | { kind: 'default'; route: AlertRoute } | { kind: 'unrouted' };

/**
 * The one route of an alert: the first of `routes` (sorted by position here) whose matchers all
 * hold; else a route to `defaultClientId` (resolve policy 'resolve', default priorities); else
 * 'unrouted' (the server records the alert's state and logs it, and opens no incident).
 */
export function routeAlert(routes: readonly AlertRoute[], alert: NormalizedAlert, defaultClientId: string | null): Routing {
  const ordered = [...routes].sort((a, b) => a.position - b.position);
  const hit = ordered.find((r) => r.matchers.every((m) => matches(m, alert)));
  if (hit) return { kind: 'route', route: hit };
  if (!defaultClientId) return { kind: 'unrouted' };
  return {
    kind: 'default',
    route: {
      id: 'default',
      integrationId: routes[0]?.integrationId ?? '',
      position: Number.MAX_SAFE_INTEGER,
      matchers: [],
      clientId: defaultClientId,
      platformId: null,
      priorityMap: {},
      resolvePolicy: 'resolve',
    },
  };
}

/** The priority for a severity under a route's map, falling back to the default map. */
export function priorityFor(route: Pick<AlertRoute, 'priorityMap'>, severity: string | null): Priority {
  const map = { ...DEFAULT_PRIORITY_MAP, ...route.priorityMap };
  const key = severity?.toLowerCase() ?? 'default';
  return map[key] ?? map.default ?? 'P3';
}

/** Parses `label=value`, `label!=value`, `label=~regex`, `label!~regex` (the CLI's `--match`). */
export function parseMatcher(text: string): Matcher | null {
  const m = /^\s*([^=!~\s]+)\s*(=~|!~|!=|=)(.*)$/.exec(text);
  if (!m) return null;
  const parsed = Matcher.safeParse({ label: m[1], op: m[2], value: (m[3] ?? '').replace(/^"(.*)"$/, '$1') });
  return parsed.success ? parsed.data : null;
}
