import { describe, expect, it } from 'vitest';
import { budgetNotification } from './budgetAlertText';
import type { BudgetAlert } from './notifier';

const alert: BudgetAlert = {
  clientId: 'c1',
  clientCode: 'BAKK',
  clientName: 'Bakkerij de Vries',
  thresholdPercent: 10,
  remainingMinutes: 270,
  overrunMinutes: 0,
};

describe('a prepaid threshold as a native notification', () => {
  it('says the threshold and what is left in the UI language, as the banner does', () => {
    expect(budgetNotification(alert, 'nl')).toEqual({
      title: 'Strippenkaart BAKK',
      body: 'Bakkerij de Vries: nog 10 % van de strippenkaart over (4 u 30 m)',
      urgency: 'normal',
      clientId: 'c1',
    });
    expect(budgetNotification(alert, 'en')).toMatchObject({
      title: 'Prepaid hours BAKK',
      body: 'Bakkerij de Vries: 10 % of prepaid hours left (4 h 30 m)',
    });
  });

  it('used up is critical, and says the overrun when there is one', () => {
    const empty = { ...alert, thresholdPercent: 0, remainingMinutes: 0 };
    expect(budgetNotification(empty, 'nl')).toMatchObject({ body: 'Bakkerij de Vries: strippenkaart op', urgency: 'critical' });
    const over = { ...empty, remainingMinutes: -75, overrunMinutes: 75 };
    expect(budgetNotification(over, 'en')).toMatchObject({ body: 'Bakkerij de Vries: prepaid hours used up, over by 1 h 15 m', urgency: 'critical' });
    expect(budgetNotification(over, 'nl').body).toBe('Bakkerij de Vries: strippenkaart op, 1 u 15 m overschreden');
  });
});
