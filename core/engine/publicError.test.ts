import { describe, expect, it } from 'vitest';
import type pino from 'pino';
import { VangnetError } from '../../shared/errors';
import { publicError } from './publicError';

function recordingLog(): { log: pino.Logger; entries: unknown[] } {
  const entries: unknown[] = [];
  return { log: { error: (obj: unknown) => entries.push(obj) } as unknown as pino.Logger, entries };
}

describe('publicError', () => {
  it('logs an unexpected failure with its details under the reference it shows', () => {
    const { log, entries } = recordingLog();
    const cause = Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' });
    const info = publicError(cause, log, { call: 'incidents.list' });
    expect(info).toMatchObject({ code: 'internal', key: 'internal' });
    expect(info.message).not.toContain('SQLITE');
    expect(entries).toEqual([{ err: cause, ref: info.params?.ref, call: 'incidents.list' }]);
  });

  it('passes a refusal through as it is, and masks an `internal` one too', () => {
    const { log, entries } = recordingLog();
    expect(publicError(new VangnetError('not_found', 'incident.unknown', { id: 'x' }), log)).toMatchObject({ key: 'incident.unknown' });
    expect(entries).toEqual([]);
    expect(publicError(new VangnetError('internal', 'call.wroteNoRow', { call: 'clients.create' }), log)).toMatchObject({ key: 'internal' });
    expect(entries).toHaveLength(1);
  });
});
