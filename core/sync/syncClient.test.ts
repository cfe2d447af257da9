import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/protocol';
import { setMeta } from '../repos/meta';
import { testEngine } from '../testSupport';
import { createClockSkew } from './clockSkew';
import { createSyncClient } from './syncClient';
import type { SyncTransport } from './transport';

/** A server that has `head` changes and hands out empty pages of them, for the pull loop alone. */
function fakeServer(head: number, pageSize: number) {
  const asked: { after: number; limit: number }[] = [];
  const transport = {
    async push() {
      return { applied: 0, skipped: 0, rejected: [], lastMutationId: 0 };
    },
    async pull(_clientId: string, after: number, limit: number): Promise<PullResponse> {
      asked.push({ after, limit });
      const cursor = Math.min(head, after + Math.min(limit, pageSize));
      return { changes: [], cursor, headSeq: head, hasMore: cursor < head, lastMutationId: 0, lastDigest: null };
    },
  } as unknown as SyncTransport;
  return { transport, asked };
}

function client(head: number, bulk: { begin(remaining: number): boolean; end(): void }) {
  const { engine } = testEngine();
  setMeta(engine.db, 'sync.server', 'http://office.test');
  setMeta(engine.db, 'sync.token', 'token');
  const server = fakeServer(head, 5000);
  const sync = createSyncClient({
    db: engine.db,
    deviceId: 'laptop',
    transportFor: () => server.transport,
    onChanged: () => undefined,
    onStatus: () => undefined,
    afterApply: () => undefined,
    observeHlc: () => undefined,
    clock: createClockSkew(engine.db, Date.now),
    rewindHlc: () => undefined,
    adoptEngineer: () => undefined,
    bulkPull: bulk,
  });
  return { sync, asked: server.asked };
}

describe('the pull loop', () => {
  it('far behind: bigger pages, the next one asked for ahead, and a bulk load only when the engine takes it', async () => {
    const calls: string[] = [];
    const declined = client(12_000, {
      begin: (remaining) => (calls.push(`begin ${remaining}`), false),
      end: () => calls.push('end'),
    });
    expect(await declined.sync.syncNow()).toMatchObject({ pulled: 0 });
    // First page at the default size says "more": then pages of 5000 from its cursor.
    expect(declined.asked).toEqual([
      { after: 0, limit: 1000 },
      { after: 1000, limit: 5000 },
      { after: 6000, limit: 5000 },
      { after: 11000, limit: 5000 },
    ]);
    expect(calls).toEqual(['begin 11000']); // declined: no end
    const taken = client(12_000, { begin: () => (calls.push('begin'), true), end: () => calls.push('end') });
    await taken.sync.syncNow();
    expect(calls.slice(1)).toEqual(['begin', 'end']);
  });
});
