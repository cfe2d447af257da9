import { describe, expect, it } from 'vitest';
import { estimateMinutesOf, eurosText, hoursText, quoteCentsOf } from './crInput';

describe('change-request input', () => {
  it('reads hours and euros with a comma or a point, and says what it cannot read', () => {
    expect(estimateMinutesOf('1,5')).toBe(90);
    expect(estimateMinutesOf(' 8 ')).toBe(480);
    expect(estimateMinutesOf('')).toBeUndefined();
    for (const bad of ['0', '-2', 'acht', '1,5,5', '0,001']) expect(estimateMinutesOf(bad)).toBeNaN();
    expect(quoteCentsOf('€ 1.250,50')).toBe(125_050);
    expect(quoteCentsOf('950')).toBe(95_000);
    expect(quoteCentsOf('1250.5')).toBe(125_050);
    expect(quoteCentsOf('0')).toBe(0);
    for (const bad of ['12,345', 'veel', '-5']) expect(quoteCentsOf(bad)).toBeNaN();
    expect(hoursText(90)).toBe('1.5');
    expect(eurosText(125_050)).toBe('1250.50');
  });
});
