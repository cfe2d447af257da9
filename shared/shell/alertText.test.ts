import { describe, expect, it } from 'vitest';
import { alertLevelText, shellLanguage, slaAlertText } from './alertText';
import type { SlaAlert } from './notifier';

const alert: SlaAlert = {
  incidentId: 'i1',
  title: 'Webshop plat',
  clientCode: 'DRUK',
  priority: 'P1',
  kind: 'breached',
  at: '2026-03-02T09:15:00.000Z',
};

describe('the words of an SLA alert outside React', () => {
  it('follows the UI language: Dutch for any Dutch tag, English otherwise', () => {
    expect(shellLanguage('nl-BE')).toBe('nl');
    expect(shellLanguage('NL')).toBe('nl');
    expect(shellLanguage('en-GB')).toBe('en');
    expect(shellLanguage('de')).toBe('en');
    expect(shellLanguage('')).toBe('en');
    expect(slaAlertText(alert, 'nl')).toEqual({ title: 'SLA overschreden: P1 DRUK', body: 'Webshop plat' });
    expect(slaAlertText({ ...alert, kind: 'at_risk' }, 'en')).toEqual({ title: 'SLA at risk: P1 DRUK', body: 'Webshop plat' });
    expect(alertLevelText('red', 'nl')).toBe('Vangnet — SLA overschreden');
    expect(alertLevelText('none', 'en')).toBe('Vangnet');
  });
});
