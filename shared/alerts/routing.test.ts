import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalizedAlert } from './normalized';
import { type AlertRoute, MONITOR_LABEL, type Matcher, matches, parseMatcher, priorityFor, routeAlert, unsafeRegex } from './routing';

const alert = (labels: Record<string, string>, over: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  source: 'alertmanager',
  fingerprint: 'f',
  status: 'firing',
  title: 'T',
  description: '',
  labels,
  annotations: {},
  severity: labels.severity ?? null,
  startsAt: 0,
  endsAt: null,
  groupKey: null,
  ...over,
});

const route = (position: number, matchers: Matcher[], clientId = `c${position}`): AlertRoute => ({
  id: `r${position}`,
  integrationId: 'i',
  position,
  matchers,
  clientId,
  platformId: null,
  priorityMap: {},
  resolvePolicy: 'resolve',
});

describe('alert routing (docs/alerts-routing.md)', () => {
  it('matches =, !=, anchored =~ and !~, and the Uptime Kuma monitor name', () => {
    const a = alert({ env: 'prod', service: 'db-main' });
    expect(matches({ label: 'env', op: '=', value: 'prod' }, a)).toBe(true);
    expect(matches({ label: 'env', op: '!=', value: 'prod' }, a)).toBe(false);
    expect(matches({ label: 'missing', op: '=', value: '' }, a)).toBe(true);
    expect(matches({ label: 'service', op: '=~', value: 'db-.*' }, a)).toBe(true);
    expect(matches({ label: 'service', op: '=~', value: 'db' }, a)).toBe(false); // anchored
    expect(matches({ label: 'service', op: '!~', value: 'web-.*' }, a)).toBe(true);
    const kuma = alert({}, { source: 'uptime-kuma', title: 'Shop homepage' });
    expect(matches({ label: MONITOR_LABEL, op: '=', value: 'Shop homepage' }, kuma)).toBe(true);
    expect(matches({ label: MONITOR_LABEL, op: '=', value: 'Shop homepage' }, alert({}, { title: 'Shop homepage' }))).toBe(false);
  });

  it('refuses long, invalid and nested-repeat patterns, and never matches with one', () => {
    expect(unsafeRegex('(a+)+$')).toBe('nested');
    expect(unsafeRegex('(.*a){12}')).toBe('nested');
    expect(unsafeRegex('a'.repeat(300))).toBe('tooLong');
    expect(unsafeRegex('(')).toBe('invalid');
    expect(unsafeRegex('db-(main|replica)-[0-9]+')).toBeNull();
    expect(matches({ label: 'x', op: '=~', value: '(a+)+$' }, alert({ x: 'a'.repeat(40) + '!' }))).toBe(false);
    expect(matches({ label: 'x', op: '!~', value: '(a+)+$' }, alert({ x: 'b' }))).toBe(false);
  });

  it('maps severities to priorities, a route overriding the defaults', () => {
    const r = route(1, []);
    expect(['critical', 'error', 'high', 'warning', 'info', 'debug'].map((s) => priorityFor(r, s))).toEqual(['P1', 'P2', 'P2', 'P3', 'P4', 'P3']);
    expect(priorityFor(r, null)).toBe('P3');
    expect(priorityFor({ priorityMap: { critical: 'P2', default: 'P4' } }, 'critical')).toBe('P2');
    expect(priorityFor({ priorityMap: { default: 'P4' } }, 'unknown')).toBe('P4');
  });

  it('parses matchers as the CLI takes them', () => {
    expect(parseMatcher('severity=critical')).toEqual({ label: 'severity', op: '=', value: 'critical' });
    expect(parseMatcher('service=~"db-.*"')).toEqual({ label: 'service', op: '=~', value: 'db-.*' });
    expect(parseMatcher('env!=staging')).toEqual({ label: 'env', op: '!=', value: 'staging' });
    expect(parseMatcher('a!~b')).toEqual({ label: 'a', op: '!~', value: 'b' });
    expect(parseMatcher('nothing')).toBeNull();
  });

  const label = fc.constantFrom('env', 'team', 'severity', 'service');
  const value = fc.constantFrom('', 'prod', 'web', 'db', 'critical', 'db-main');
  const matcher = fc.record({ label, op: fc.constantFrom('=', '!=', '=~', '!~' as const), value: fc.oneof(value, fc.constantFrom('db-.*', '(web|db)', '.*')) });
  const routes = fc.array(fc.array(matcher, { maxLength: 3 }), { maxLength: 6 }).map((ms) => ms.map((m, i) => route(i * 10, m)));
  const labels = fc.dictionary(label, value);

  it('gives every alert exactly one route: the first that matches, else the default client, else none', () => {
    fc.assert(
      fc.property(routes, labels, fc.option(fc.constant('fallback'), { nil: null }), fc.boolean(), (rs, ls, fallback, shuffle) => {
        const given = shuffle ? [...rs].reverse() : rs;
        const a = alert(ls);
        const r = routeAlert(given, a, fallback);
        const first = rs.find((x) => x.matchers.every((m) => matches(m, a)));
        if (first) expect(r).toEqual({ kind: 'route', route: first });
        else if (fallback) expect(r).toMatchObject({ kind: 'default', route: { clientId: 'fallback', matchers: [], resolvePolicy: 'resolve' } });
        else expect(r).toEqual({ kind: 'unrouted' });
      }),
    );
  });

  it('sends labels no route knows to the integration default route (a route without matchers)', () => {
    const rs = [route(1, [{ label: 'team', op: '=', value: 'web' }]), route(2, [], 'default-client')];
    expect(routeAlert(rs, alert({ something: 'else' }), null)).toMatchObject({ kind: 'route', route: { clientId: 'default-client' } });
    expect(routeAlert(rs, alert({ team: 'web' }), null)).toMatchObject({ kind: 'route', route: { clientId: 'c1' } });
  });
});
