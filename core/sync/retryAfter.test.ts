import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta } from '../repos/meta';
import { testEngine } from '../testSupport';
import { createClockSkew } from './clockSkew';
import { createSyncClient } from './syncClient';
import { httpTransport, OfflineError, parseRetryAfter, RETRY_AFTER_MAX_MS, type SyncTransport } from './transport';

afterEach(() => {
  vi.useRealTimers();
});

const NOW = Date.parse('2026-03-02T09:00:00Z');

function answering(status: number, headers: Record<string, string>, body: unknown = null) {
  return (async () => new Response(body === null ? '' : JSON.stringify(body), { status, headers })) as unknown as typeof fetch;
}

describe('Retry-After from a busy server', () => {
  it('is read as seconds or an HTTP date, bounded, and carried by the offline error of a 503 or 429', async () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('999999', NOW)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();

    const shed = httpTransport('http://office.test', 't', answering(503, { 'retry-after': '2' }, { code: 'unavailable', detail: 'busy' }));
    await expect(shed.checksums()).rejects.toMatchObject({ name: 'OfflineError', code: 'unavailable', retryAfterMs: 2000 });
    const limited = httpTransport(
      'http://office.test',
      't',
      answering(429, { 'retry-after': '120' }, { code: 'rate_limited', detail: 'wait' }),
    );
    await expect(limited.checksums()).rejects.toMatchObject({
      name: 'OfflineError',
      retryAfterMs: 120_000,
      detail: 'wait',
      key: 'sync.serverError',
      params: { status: 429 },
    });
    const busy = httpTransport('http://office.test', 't', answering(503, {}, { code: 'unavailable', key: 'server.busy', params: { seconds: 5 }, detail: 'x' }));
    await expect(busy.checksums()).rejects.toMatchObject({ key: 'server.busy', params: { seconds: 5 }, message: 'The server is busy; retry in 5 s' });
    const down = httpTransport('http://office.test', 't', answering(502, {}));
    await expect(down.checksums()).rejects.toMatchObject({ name: 'OfflineError', retryAfterMs: null });
  });

  it('holds the sync loop back until Retry-After has passed, instead of its one-second first retry', async () => {
    vi.useFakeTimers({ now: NOW });
    const { engine } = testEngine();
    setMeta(engine.db, 'sync.server', 'http://office.test');
    setMeta(engine.db, 'sync.token', 'token');
    let pulls = 0;
    const transport = {
      async pull() {
        pulls += 1;
        if (pulls === 1) throw new OfflineError('The server is busy', 30_000);
        return { changes: [], cursor: 0, headSeq: 0, hasMore: false, lastMutationId: 0 };
      },
      live: () => ({ close: () => undefined }),
    } as unknown as SyncTransport;
    const sync = createSyncClient({
      db: engine.db,
      deviceId: 'laptop',
      transportFor: () => transport,
      onChanged: () => undefined,
      onStatus: () => undefined,
      afterApply: () => undefined,
      observeHlc: () => undefined,
      adoptEngineer: () => undefined,
      clock: createClockSkew(engine.db, Date.now),
      rewindHlc: () => undefined,
    });
    sync.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(pulls).toBe(1);
    expect(sync.status().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(30_000 - 1);
    expect(pulls).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(pulls).toBe(2);
    expect(sync.status().state).toBe('idle');
    sync.stop();
    engine.close();
  });
});
