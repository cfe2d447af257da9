import { afterEach, describe, expect, it } from 'vitest';
import { serviceOnFreshStore } from '../testSupport';
import { channelOf } from './notifier';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const notifierInOwnSchema = () => serviceOnFreshStore('postgres', cleanups);

describe('the PostgreSQL notifier', () => {
  it('keeps the pokes of stores sharing one database apart: each schema has a channel of its own', async () => {
    const a = await notifierInOwnSchema();
    const b = await notifierInOwnSchema();
    await a.notifier.announce(11);
    await b.notifier.announce(22);
    await a.notifier.announce(12);
    // Notifications of one session arrive in order: once a has heard 12, b's 22 has been sent too.
    await expect.poll(() => a.heard).toEqual([11, 12]);
    await expect.poll(() => b.heard).toEqual([22]);
    expect(a.heard).toEqual([11, 12]);
  });

  it('names the channel by the schema, within the 63-byte identifier limit', () => {
    expect(channelOf(undefined)).toBe('vangnet_changes');
    expect(channelOf('t_abc')).toBe('vangnet_changes_t_abc');
    expect(channelOf('s'.repeat(80))).toHaveLength(63);
  });
});
