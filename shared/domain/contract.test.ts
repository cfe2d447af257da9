import { describe, expect, it } from 'vitest';
import { COST_MODELS, ContractTerms, contractTemplate } from './contract';

describe('contract terms', () => {
  it('has a valid template for every cost model, all-in covering P1 and P2 around the clock', () => {
    for (const model of COST_MODELS) expect(ContractTerms.safeParse(contractTemplate(model)).success).toBe(true);
    const allIn = contractTemplate('all_in');
    expect(allIn.targets.P1.response?.calendar).toBe('24/7');
    expect(allIn.targets.P2.resolution?.calendar).toBe('24/7');
    expect(allIn.targets.P3.resolution?.calendar).toBe('business');
  });

  it('refuses inverted and overlapping hours, unknown zones, negative targets and unknown calendars, at the right paths', () => {
    const base = contractTemplate('subscription');
    const bad = {
      ...base,
      timeZone: 'Europe/Amsterdan',
      businessHours: {
        mon: [['17:00', '09:00']],
        tue: [
          ['08:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
      targets: {
        ...base.targets,
        P1: { response: { minutes: -5, calendar: 'business' }, resolution: { minutes: 60, calendar: 'weekends' } },
      },
    };
    const result = ContractTerms.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'targets.P1.response.minutes', 'targets.P1.resolution.calendar']));
  });

  it('reports calendar rules at the terms’ own field names', () => {
    const base = contractTemplate('prepaid');
    const result = ContractTerms.safeParse({
      ...base,
      businessHours: {
        mon: [['17:00', '09:00']],
        tue: [
          ['08:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
    });
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['businessHours.mon', 'businessHours.tue']);
  });
});
