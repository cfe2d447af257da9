import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { EngineClient, pageSecret } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'Webshop checkout returns 502';
const OTHER = 'Nieuwsbrief opmaken';

// The host is restarted: Chromium logs the failed reconnects meanwhile.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/] });

async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The web host's _testOnly hook: the machine's idle seconds, as Electron's powerMonitor would report them. */
async function setIdle(hostUrl: string, seconds: number): Promise<void> {
  const secret = await pageSecret(hostUrl);
  const res = await fetch(`${hostUrl}/_testOnly/idle?seconds=${seconds}&secret=${secret}`, { method: 'POST' });
  expect(res.status).toBe(204);
}

/**
 * A timer on a prepaid client (15-minute increments, 10 h bought): 30 minutes in, the engineer was away
 * for 20 of them and books that span separately on another incident of the client. Rounding is per
 * ticket per month: the first ticket's ~10 minutes bill 15, the idle ~20 on the other bill 30, so the
 * bundle's balance moves by 45 minutes once the timer stops.
 */
test('a timer with an idle span booked on another incident draws the rounded minutes from the prepaid bundle', async ({ page, host, shell }) => {
  const { incidentIds } = await seed(host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [
      { client: 'BAKK', title: TITLE, priority: 'P2', hoursAgo: 5 },
      { client: 'BAKK', title: OTHER, priority: 'P4', hoursAgo: 4 },
    ],
  });
  const engine = await EngineClient.connect(host.url);
  try {
    const clientId = (await engine.call('clients.list', {})).find((c) => c.code === 'BAKK')!.id;
    const template = await engine.call('contracts.template', { costModel: 'prepaid' });
    await engine.call('contracts.set', { clientId, effectiveFrom: '2020-01-01', terms: { ...template, timeZone: 'Europe/Amsterdam', billingIncrementMinutes: 15 } });
    await engine.call('budget.buy', { clientId, minutes: 600 });
    await engine.call('time.start', { incidentId: incidentIds[0] ?? '' });
  } finally {
    engine.close();
  }
  // The timer started half an hour ago (idle before a timer's start is not counted).
  await host.kill();
  const db = new Database(path.join(host.dataDir, 'vangnet.sqlite3'));
  db.prepare('UPDATE time_entries SET started_at = ?').run(new Date(Date.now() - 30 * 60_000).toISOString());
  db.close();
  await host.restart();

  await page.goto('/');
  await shell.goTo('clients');
  await page.getByTestId('client-open').filter({ hasText: 'Bakkerij de Vries' }).click();
  const card = page.getByTestId('budget-card');
  // A running timer draws nothing yet.
  await expect(card.getByTestId('budget-balance')).toHaveText('10 h 0 m');
  await expect(shell.statusBar.getByTestId('status-timer')).toContainText('Timer on BAKK');

  // Away for 20 minutes (the team threshold is 10), then back: book that span on the other incident.
  await setIdle(host.url, 20 * 60);
  await setIdle(host.url, 0);
  const dialog = page.getByTestId('idle-dialog');
  await expect(dialog.getByTestId('idle-answer-keep')).toBeFocused();
  await expect(dialog.getByTestId('idle-answer-separate')).toBeDisabled();
  await dialog.getByTestId('idle-client').selectOption({ label: 'Bakkerij de Vries (BAKK)' });
  await expect(dialog.getByTestId('idle-incident').locator('option')).toHaveCount(3);
  await dialog.getByTestId('idle-incident').selectOption({ label: `P4 · ${OTHER}` });
  await expectAccessible(page, '[data-testid="idle-dialog"]');
  await page.screenshot({ path: test.info().outputPath('idle-separate.png') });
  await dialog.getByTestId('idle-answer-separate').click();
  await expect(dialog).toBeHidden();

  // The same work goes on in a new timer; stopped, everything is booked.
  await expect(shell.statusBar.getByTestId('status-timer')).toContainText(`Timer on BAKK · ${TITLE}`);
  await shell.statusBar.getByRole('button', { name: 'Stop timer' }).click();
  await expect(shell.statusBar).toContainText('No timer running');
  await expect(card.getByTestId('budget-balance')).toHaveText('9 h 15 m');
  await expectAccessible(page, '[data-testid="budget-card"]');

  await shell.goTo('time');
  const room = page.getByTestId('room-time');
  await expect(room.getByTestId('time-entry').filter({ hasText: OTHER })).toHaveCount(1);
  await expect(room.getByTestId('time-entry').filter({ hasText: TITLE })).toHaveCount(2);
});
