import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { EngineClient, pageSecret } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'Webshop checkout returns 502';

// The host is restarted: Chromium logs the failed reconnects meanwhile.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/] });

/** The web host's _testOnly hook: the machine's idle seconds, as Electron's powerMonitor would report them. */
async function setIdle(hostUrl: string, seconds: number): Promise<void> {
  const secret = await pageSecret(hostUrl);
  const res = await fetch(`${hostUrl}/_testOnly/idle?seconds=${seconds}&secret=${secret}`, { method: 'POST' });
  expect(res.status).toBe(204);
}

test('idle past the threshold asks on return, survives a reload, and discard-and-continue splits the timer', async ({ page, host, shell }) => {
  const { incidentIds } = await seed(host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [{ client: 'BAKK', title: TITLE, priority: 'P1', hoursAgo: 5 }],
  });
  const engine = await EngineClient.connect(host.url);
  try {
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
  const client = await EngineClient.connect(host.url);
  try {
    await page.goto('/');
    await expect(shell.statusBar.getByTestId('status-timer')).toContainText('Timer on BAKK');
    // Away for 20 minutes (the team threshold is 10), then back.
    await setIdle(host.url, 20 * 60);
    await setIdle(host.url, 0);

    const dialog = page.getByTestId('idle-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'You were away' })).toBeVisible();
    await expect(dialog.getByTestId('idle-answer-keep')).toBeFocused();
    const results = await new AxeBuilder({ page }).include('[data-testid="idle-dialog"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'test-results/idle-dialog.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    // A reload asks again: the engine holds the question.
    await page.reload();
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('idle-answer-discardContinue').click();
    await expect(dialog).toBeHidden();
    await expect(shell.statusBar.getByTestId('status-timer')).toContainText('Timer on BAKK');
    await shell.statusBar.getByRole('button', { name: 'Stop timer' }).click();
    await expect(shell.statusBar).toContainText('No timer running');
    const list = await client.call('time.list', {});
    expect(list.entries).toHaveLength(2);
    expect(await client.call('timer.idleQuestion', {})).toBeNull();
  } finally {
    client.close();
  }
});
