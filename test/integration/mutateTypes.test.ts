import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../core/engine/engine';
import { testEngine } from '../../core/testSupport';
import { asSystem, type MutationService } from '../../server/services/mutations';
import type { MutationArgs } from '../../shared/mutations/index';

/**
 * `mutate(name, args)` is typed by the mutation's name on every host: the engine's, the server's
 * `runMutation` (push, REST) and what the server does by itself (`asSystem`). The `@ts-expect-error` lines are the test:
 * `npm run typecheck` fails when one of them stops being an error. At run time the schema still
 * refuses what a cast lets through.
 */
const ID = '0190a5a8-0000-7000-8000-000000000001';

export function engineCalls(engine: Engine): void {
  engine.mutate('client.create', { id: ID, name: 'Acme', code: 'ACME' });
  engine.mutate('platform.delete', { id: ID });
  // @ts-expect-error -- platform.delete takes an id, not a name
  engine.mutate('platform.delete', { name: 'Portaal' });
  // @ts-expect-error -- client.create needs a name
  engine.mutate('client.create', { id: ID, code: 'ACME' });
  // @ts-expect-error -- no such mutation
  engine.mutate('client.destroy', { id: ID });
}

export async function serverCalls(mutations: MutationService): Promise<void> {
  const acting = asSystem('test');
  await mutations.runMutation(acting, 'settings.set', { idleDetection: false });
  // @ts-expect-error -- idleThresholdMinutes is a number
  await mutations.runMutation(acting, 'settings.set', { idleThresholdMinutes: '10' });
  // @ts-expect-error -- no such mutation
  await mutations.runMutation(acting, 'settings.reset', {});
  await mutations.runMutation(acting, 'platform.delete', { id: ID });
  // @ts-expect-error -- contract.set needs its terms
  await mutations.runMutation(acting, 'contract.set', { id: ID, clientId: ID, effectiveFrom: '2026-01-01' });
}

// The arguments type is what a caller passes: defaults may be left out (platform.create's stack).
const withDefaults: MutationArgs<'platform.create'> = { id: ID, clientId: ID, name: 'Portaal' };

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe('mutate typed by name', () => {
  it('still refuses at run time what a cast lets past the types', () => {
    ({ engine } = testEngine());
    expect(withDefaults.name).toBe('Portaal');
    const mutate = engine.mutate as (name: string, args: unknown) => unknown;
    expect(() => mutate('platform.delete', { name: 'Portaal' })).toThrow(expect.objectContaining({ code: 'invalid_args' }));
    expect(() => mutate('client.destroy', { id: ID })).toThrow(expect.objectContaining({ code: 'unknown_call' }));
  });
});
