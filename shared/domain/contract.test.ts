import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('refuses a span closure with a non-date start or end as invalid input, not as a crash', () => {
    const terms = { ...contractTemplate('subscription'), closures: [{ kind: 'span', start: 'soon', end: 'later' }] };
    const result = ContractTerms.safeParse(terms);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['closures.0.start', 'closures.0.end']);
  });

  it('states the calendars a target may count on in its JSON Schema', () => {
    const json = JSON.stringify(z.toJSONSchema(ContractTerms, { io: 'input', unrepresentable: 'any' }));
    expect(json).toContain('"calendar":{"type":"string","enum":["24/7","business"]}');
    const bad = {
      ...contractTemplate('all_in'),
      targets: { ...contractTemplate('all_in').targets, P4: { response: { minutes: 5, calendar: '' }, resolution: null } },
    };
    expect(ContractTerms.safeParse(bad).error!.issues).toEqual([
      expect.objectContaining({ path: ['targets', 'P4', 'response', 'calendar'], code: 'invalid_value' }),
    ]);
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
