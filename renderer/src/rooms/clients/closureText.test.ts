import { describe, expect, it } from 'vitest';
import { closureText, closureWhen } from './closureText';

describe('closureWhen', () => {
  it('names whole days with their weekday, in either language', () => {
    expect(closureWhen({ kind: 'days', from: '2026-12-24', to: '2026-12-24' }, 'en', 'Europe/Amsterdam')).toBe('Thu 24 Dec 2026');
    expect(closureWhen({ kind: 'days', from: '2026-12-28', to: '2026-12-31' }, 'nl', 'Europe/Amsterdam')).toBe(
      'ma 28 dec 2026 – do 31 dec 2026',
    );
  });

  it('reads spans in the contract zone: local as written, absolute converted', () => {
    expect(closureWhen({ kind: 'span', start: '2026-06-12T12:00:00', end: '2026-06-12T17:30:00' }, 'en', 'Europe/Amsterdam')).toBe(
      'Fri 12 Jun 2026, 12:00–17:30',
    );
    expect(closureWhen({ kind: 'span', start: '2026-06-01T08:00:00Z', end: '2026-06-02T10:00:00Z' }, 'en', 'Europe/Amsterdam')).toBe(
      'Mon 1 Jun 2026 10:00 – Tue 2 Jun 2026 12:00',
    );
  });

  it('puts the name first when there is one', () => {
    expect(closureText({ kind: 'days', from: '2026-12-24', to: '2026-12-24', label: 'Kerstavond' }, 'en', 'UTC')).toBe(
      'Kerstavond (Thu 24 Dec 2026)',
    );
  });
});
