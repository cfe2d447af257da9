import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'Webshop checkout returns 502';

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a timer started on an incident runs in the status bar, stops there, and its entry is in the Time room', async ({
  page,
  host,
  shell,
  incidents,
}) => {
  await seed(host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [{ client: 'BAKK', title: TITLE, priority: 'P1', hoursAgo: 1 }],
  });
  await page.goto('/');
  await incidents.open(TITLE);
  await expect(shell.statusBar).toContainText('No timer running');

  const start = incidents.detail.getByTestId('incident-timer');
  await expect(start).toHaveAttribute('aria-keyshortcuts', 't');
  await start.click();
  const timer = shell.statusBar.getByTestId('status-timer');
  await expect(timer).toContainText(`Timer on BAKK · ${TITLE}`);
  await expect(timer.getByTestId('status-timer-elapsed')).toHaveText(/^0:00:0\d$/);
  await expect(start).toHaveText('Stop timer');

  await timer.getByRole('button', { name: 'Stop timer' }).click();
  await expect(shell.statusBar).toContainText('No timer running');

  // The key starts and stops it on the selected incident too (focus outside any field).
  await incidents.detail.getByTestId('detail-title').click();
  await page.keyboard.press('t');
  await expect(timer).toContainText('Timer on BAKK');
  await page.keyboard.press('t');
  await expect(shell.statusBar).toContainText('No timer running');

  await shell.goTo('time');
  const room = page.getByTestId('room-time');
  await expect(room.getByTestId('time-entry')).toHaveCount(2);
  await expect(room.getByTestId('time-entry').first()).toContainText('BAKK');
  await expect(room.getByTestId('time-entry').first()).toContainText(TITLE);
  await room.getByTestId('time-view-week').click();
  await expect(room.getByTestId('time-view-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(room.getByTestId('time-entry')).toHaveCount(2);
  // Arrow keys on the toolbar step a week back: nothing logged there; Today comes back.
  const period = await room.getByTestId('time-period').textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(room.getByTestId('time-period')).not.toHaveText(period ?? '');
  await expect(room.getByTestId('time-empty')).toBeVisible();
  await room.getByRole('button', { name: 'Today' }).click();
  await expect(room.getByTestId('time-entry')).toHaveCount(2);
  await expectAccessible(page, '[data-testid="room-time"]');
});

// The host is killed and restarted: Chromium logs the failed reconnects meanwhile.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/] });

test('a timer whose heartbeat is hours old asks, in a dialog that must be answered', async ({ page, host, shell }) => {
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
  await page.goto('/');
  await expect(shell.statusBar.getByTestId('status-timer')).toContainText('Timer on BAKK');

  // A crash, then the laptop stayed off for three hours: the last heartbeat is that old.
  await host.kill();
  const db = new Database(path.join(host.dataDir, 'vangnet.sqlite3'));
  // The timer started four hours ago (its stored start), so the heartbeat lies between start and now.
  db.prepare('UPDATE time_entries SET started_at = ?').run(new Date(Date.now() - 4 * 3_600_000).toISOString());
  db.prepare('UPDATE timer_heartbeat SET at = ?').run(new Date(Date.now() - 3 * 3_600_000).toISOString());
  db.close();
  await host.restart();

  const dialog = page.getByTestId('stale-timer-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Was the timer still running?' })).toBeVisible();
  await expect(dialog).toContainText(/3 h 0\d min ago/);
  await expect(dialog.getByTestId('stale-answer-stopAtHeartbeat')).toBeFocused();
  await expectAccessible(page, '[data-testid="stale-timer-dialog"]');
  // Esc does not dismiss it: it has no close, and the page behind stays inert.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  await dialog.getByTestId('stale-answer-keep').click();
  await expect(dialog).toBeHidden();
  await expect(shell.statusBar.getByTestId('status-timer')).toContainText('Timer on BAKK');
  // Kept: the elapsed time counts from the stored start, four hours ago.
  await expect(shell.statusBar.getByTestId('status-timer-elapsed')).toHaveText(/^4:00:\d\d$/);
});

/** `YYYY-MM-DDTHH:mm` in Amsterdam, `minutesAgo` before now: what a datetime-local field holds. */
function amsterdamLocal(minutesAgo: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - minutesAgo * 60_000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

test('time logged by hand: bad input is refused field by field, in Dutch too; a good entry appears', async ({ page, host, shell }) => {
  await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  await page.goto('/#/time');
  const form = page.getByTestId('time-log-form');
  // No minutes: said beside the field before anything is sent.
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByTestId('time-log-minutes-error')).toContainText('whole number');
  await expect(page.getByTestId('time-log-error')).toBeHidden();
  // No client: the engine refuses, in the language on screen.
  await form.getByLabel('Start').fill(amsterdamLocal(30));
  await form.getByLabel('Minutes').fill('5');
  await form.getByTestId('time-log-submit').click();
  await expect(page.getByTestId('time-log-error')).toBeVisible();
  await shell.setLanguage('nl');
  await expect(page.getByTestId('time-log-error')).toContainText('De tijd kon niet worden geregistreerd');
  await shell.setLanguage('en');

  await form.getByLabel('Client').selectOption({ label: 'Bakkerij de Vries (BAKK)' });
  await form.getByLabel('Minutes').fill('2000');
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByTestId('time-log-minutes-error')).toContainText('Over 24 hours');

  await form.getByLabel('Minutes').fill('2');
  await form.getByTestId('time-log-submit').click();
  await expect(page.getByTestId('time-log-error')).toBeHidden();
  const entry = page.getByTestId('time-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('time-entry-minutes')).toHaveText('2');
  await expect(page.getByTestId('time-total')).toContainText('BAKK');
  await expectAccessible(page, '[data-testid="room-time"]');
});
