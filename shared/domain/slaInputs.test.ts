import { describe, expect, it } from 'vitest';
import { contractInForce } from './slaInputs';

const version = (id: string, effectiveFrom: string, createdAt: string, timeZone = 'Europe/Amsterdam') => ({
  id,
  effectiveFrom,
  createdAt,
  terms: { timeZone } as never,
});

describe('contractInForce', () => {
  const versions = [version('v1', '2025-01-01', '2024-12-01T00:00:00Z'), version('v2', '2026-01-01', '2025-12-01T00:00:00Z')];

  it('picks the newest version whose first day had begun in its own time zone', () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Amsterdam.
    expect(contractInForce(versions, '2025-12-31T23:30:00Z')?.id).toBe('v2');
    expect(contractInForce(versions, '2025-12-31T22:59:59Z')?.id).toBe('v1');
    expect(contractInForce([...versions].reverse(), '2026-06-01T12:00:00Z')?.id).toBe('v2');
  });

  it('gives null before the first version (best effort) and reads each version in its own zone', () => {
    expect(contractInForce(versions, '2024-12-31T12:00:00Z')).toBeNull();
    const newYork = [version('ny', '2026-01-01', '2025-12-01T00:00:00Z', 'America/New_York')];
    expect(contractInForce(newYork, '2026-01-01T04:59:00Z')).toBeNull();
    expect(contractInForce(newYork, '2026-01-01T05:00:00Z')?.id).toBe('ny');
  });

  it('breaks a tie on the date by the later creation, then by order given', () => {
    const tie = [version('a', '2026-01-01', '2025-12-01T00:00:00Z'), version('b', '2026-01-01', '2025-12-02T00:00:00Z'), version('c', '2026-01-01', '2025-12-02T00:00:00Z')];
    expect(contractInForce(tie, '2026-03-01T10:00:00Z')?.id).toBe('b');
  });
});
