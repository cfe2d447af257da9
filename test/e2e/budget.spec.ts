import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const PREPAID = { timeZone: 'Europe/Amsterdam', billingIncrementMinutes: 15 };

async function prepaidClient(hostUrl: string): Promise<string> {
  await seed(hostUrl, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }], incidents: [] });
  const engine = await EngineClient.connect(hostUrl);
  try {
    const clients = await engine.call('clients.list', {});
    const id = clients.find((c) => c.code === 'BAKK')!.id;
    const template = await engine.call('contracts.template', { costModel: 'prepaid' });
    await engine.call('contracts.set', { clientId: id, effectiveFrom: '2020-01-01', terms: { ...template, ...PREPAID } });
    return id;
  } finally {
    engine.close();
  }
}

async function openClient(page: Page, shell: { goTo(room: string): Promise<void> }) {
  await page.goto('/');
  await shell.goTo('clients');
  await page.getByTestId('client-open').filter({ hasText: 'Bakkerij de Vries' }).click();
  return page.getByTestId('budget-card');
}

test('a lead buys prepaid hours and sees the balance move; a threshold is announced once', async ({ page, host, shell }) => {
  const clientId = await prepaidClient(host.url);
  const card = await openClient(page, shell);
  await expect(card.getByTestId('budget-balance')).toHaveText('0 h 0 m');

  // Bad input keeps the form and says why.
  await card.getByTestId('budget-buy').click();
  await card.getByRole('textbox', { name: 'Hours', exact: true }).fill('0');
  await card.getByTestId('budget-buy-submit').click();
  await expect(card.getByTestId('budget-buy-hours-error')).toBeVisible();
  await card.getByRole('textbox', { name: 'Hours', exact: true }).fill('10');
  await card.getByTestId('budget-buy-submit').click();
  await expect(card.getByTestId('budget-buy-form')).toHaveCount(0);
  await expect(card.getByTestId('budget-balance')).toHaveText('10 h 0 m');
  await expect(card.getByTestId('budget-purchase')).toHaveCount(1);
  await expect(page.getByTestId('budget-alert')).toHaveCount(0);

  // 8 h 30 m of work leaves 1 h 30 m: 15 %, under the 25 % threshold.
  const engine = await EngineClient.connect(host.url);
  try {
    await engine.call('time.log', { clientId, startedAt: new Date(Date.now() - 10 * 3_600_000).toISOString(), minutes: 510 });
  } finally {
    engine.close();
  }
  await expect(card.getByTestId('budget-balance')).toHaveText('1 h 30 m');
  const banner = page.getByTestId('budget-alert');
  await expect(banner).toHaveText(/Bakkerij de Vries: 25 % of prepaid hours left \(1 h 30 m\)/);
  await expect(card.getByTestId('budget-notified')).toContainText('Notified: 25 %');
  await expect(card.getByTestId('budget-draw')).toHaveCount(1);
  await expectAccessible(page, '[data-testid="budget-card"]');
  await expectAccessible(page, '[data-testid="budget-alerts"]');
  await page.screenshot({ path: test.info().outputPath('budget-prepaid.png'), fullPage: true });

  // Dismissed, and not said again by the next entry under the same threshold.
  await banner.getByRole('button', { name: /Dismiss/ }).click();
  await expect(banner).toHaveCount(0);
  const again = await EngineClient.connect(host.url);
  try {
    await again.call('time.log', { clientId, startedAt: new Date(Date.now() - 20 * 3_600_000).toISOString(), minutes: 15 });
  } finally {
    again.close();
  }
  await expect(card.getByTestId('budget-balance')).toHaveText('1 h 15 m');
  await expect(banner).toHaveCount(0);
});

test('an engineer sees the bundle but no Buy or Adjust button', async ({ page, host, shell }) => {
  await prepaidClient(host.url);
  // A paired laptop whose engineer has no lead role (the token is never used: no server address).
  const db = new Database(path.join(host.dataDir, 'vangnet.sqlite3'));
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync.token', 'e2e-not-a-token')").run();
  db.close();
  const card = await openClient(page, shell);
  await expect(card.getByTestId('budget-balance')).toBeVisible();
  await expect(card.getByTestId('budget-buy')).toHaveCount(0);
  await expect(card.getByTestId('budget-adjust')).toHaveCount(0);
});
