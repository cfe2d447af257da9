import { describe, expect, it } from 'vitest';
import { euros, minutesOf } from './budgetFormat';

describe('budget formatting', () => {
  it('reads typed hours as whole minutes, with a comma or a point, and refuses the rest', () => {
    expect(minutesOf('10')).toBe(600);
    expect(minutesOf('2,25')).toBe(135);
    expect(minutesOf(' -1.5 ')).toBe(-90);
    for (const bad of ['', '0', '1.0001', 'tien', '1e3', '--1']) expect(minutesOf(bad)).toBeNull();
  });

  it('shows euros per locale', () => {
    expect(euros(123450, 'nl').replace(/\s/g, ' ')).toBe('€ 1.234,50');
    expect(euros(123450, 'en')).toBe('€1,234.50');
  });
});
