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

/** `YYYY-MM-DDTHH:mm` in Amsterdam, `minutesAgo` before now: what the datetime field holds. */
function localAgo(minutesAgo: number): string {
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

test('an entry is edited with a reason and another deleted: the totals move, focus returns to the row', async ({ page, host }) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  const clientId = clientIds.BAKK ?? '';
  const engine = await EngineClient.connect(host.url);
  try {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await engine.call('time.log', { clientId, startedAt: new Date(minute - 120 * 60_000).toISOString(), minutes: 30 });
    await engine.call('time.log', { clientId, startedAt: new Date(minute - 60 * 60_000).toISOString(), minutes: 20 });
  } finally {
    engine.close();
  }
  await page.goto('/#/time');
  const room = page.getByTestId('room-time');
  await expect(room.getByTestId('time-entry')).toHaveCount(2);
  const total = room.getByTestId('time-total');
  await expect(total).toContainText('50');

  await room
    .getByTestId('time-entry')
    .first()
    .getByRole('button', { name: /^Edit the entry/ })
    .click();
  const dialog = page.getByTestId('entry-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Reason for the change (required)')).toBeFocused();
  await expectAccessible(page, '[data-testid="room-time"]');
  await expectAccessible(page, '[data-testid="entry-dialog"]');

  // No reason: refused before anything is sent; an end before the start: the engine names the field.
  await dialog.getByTestId('entry-submit').click();
  await expect(dialog.getByText('Give a reason')).toBeVisible();
  await dialog.getByLabel('Reason for the change (required)').fill('Klant belde korter');
  await dialog.getByLabel('End').fill(localAgo(200));
  await dialog.getByTestId('entry-submit').click();
  await expect(dialog.getByTestId('entry-error')).toBeVisible();
  await expect(dialog.getByText('must be after the start')).toBeVisible();
  // Start 15 minutes later, end as it was: 30 → 15 minutes.
  await dialog.getByLabel('End').fill(localAgo(90));
  await dialog.getByLabel('Start').fill(localAgo(105));
  await dialog.getByTestId('entry-submit').click();
  await expect(dialog).toBeHidden();
  await expect(room.getByTestId('time-entry').first().getByTestId('time-entry-minutes')).toHaveText('15');
  await expect(total).toContainText('35');
  await expect(
    room
      .getByTestId('time-entry')
      .first()
      .getByRole('button', { name: /^Edit the entry/ }),
  ).toBeFocused();

  await room
    .getByTestId('time-entry')
    .nth(1)
    .getByRole('button', { name: /^Delete the entry/ })
    .click();
  await dialog.getByLabel('Reason for the change (required)').fill('Dubbel geboekt');
  await dialog.getByTestId('entry-submit').click();
  await expect(room.getByTestId('time-entry')).toHaveCount(1);
  await expect(total).toContainText('15');
});

test('a lead logs by hand: for another engineer, a future or over-a-day span named by its field, an overlap warned with Show and Edit, a closed month reopened with a reason', async ({
  page,
  host,
  shell,
}) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  const clientId = clientIds.BAKK ?? '';
  // A second engineer on this (unpaired, so admin) laptop, as a sync would have brought.
  const db = new Database(path.join(host.dataDir, 'vangnet.sqlite3'));
  db.prepare(
    "INSERT INTO engineers (id, name, email, role, active) VALUES ('eng-joris', 'Joris Bakker', 'joris@example.nl', 'engineer', 1)",
  ).run();
  db.close();
  // Forty days back is always in a month that has ended: one a lead may close.
  const back = 40 * 24 * 60;
  const engine = await EngineClient.connect(host.url);
  try {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await engine.call('time.log', { clientId, startedAt: new Date(minute - back * 60_000).toISOString(), minutes: 60 });
  } finally {
    engine.close();
  }
  await page.goto('/#/time');
  const room = page.getByTestId('room-time');
  const form = room.getByTestId('time-log-form');
  await form.getByLabel('Client').selectOption(clientId);

  // Refused here, beside the field, before anything is sent.
  await form.getByLabel('Start').fill(localAgo(-60));
  await form.getByLabel('Minutes').fill('30');
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByText('would end in the future')).toBeVisible();
  await form.getByLabel('Start').fill(localAgo(back + 2000));
  await form.getByLabel('Minutes').fill('1500');
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByText('Over 24 hours: tick the box')).toBeVisible();
  await expect(form.getByTestId('time-log-confirm-long')).not.toBeChecked();
  await form.getByLabel('Minutes').fill('10081');
  await form.getByTestId('time-log-confirm-long').check();
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByText('At most a week (10080 minutes) per entry')).toBeVisible();
  await form.getByTestId('time-log-confirm-long').uncheck();

  // For Joris: saved as his, no overlap with my entry.
  await form.getByTestId('time-log-engineer').selectOption('eng-joris');
  await form.getByLabel('Start').fill(localAgo(back - 30));
  await form.getByLabel('Minutes').fill('15');
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByText('Time logged')).toBeVisible();
  await expect(form.getByTestId('time-overlaps')).toHaveCount(0);

  // Mine, inside my hour: logged, with a warning naming the entry it overlaps.
  await form.getByTestId('time-log-engineer').selectOption({ label: 'Sanne de Boer (me)' });
  await form.getByLabel('Start').fill(localAgo(back - 30));
  await form.getByLabel('Minutes').fill('15');
  await form.getByTestId('time-log-submit').click();
  const warning = form.getByTestId('time-overlaps');
  await expect(warning).toContainText('overlaps another entry');
  await expect(warning.getByTestId('time-overlap')).toContainText('BAKK');
  await expectAccessible(page, '[data-testid="time-log-form"]');
  await warning.getByRole('button', { name: /^Show the entry/ }).click();
  await expect(room.getByTestId('time-entry')).toHaveCount(2);
  await expect(room.getByRole('button', { name: /^Edit the entry/ }).first()).toBeFocused();
  await warning.getByRole('button', { name: /^Edit the entry/ }).click();
  await expect(page.getByTestId('entry-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('entry-dialog')).toBeHidden();

  // The month has ended: a lead closes it; the room says it is closed and offers Reopen, with a reason.
  await room.getByTestId('time-close-month').click();
  const closed = room.getByTestId('time-month-closed');
  await expect(closed).toContainText('is closed');
  await expect(room.getByTestId('time-close-month')).toHaveCount(0);
  await expect(room.getByTestId('time-entry-locked')).toHaveCount(2);
  await room.getByTestId('time-reopen-month').click();
  const reopen = page.getByTestId('reopen-dialog');
  await reopen.getByTestId('reopen-submit').click();
  await expect(reopen.getByText('Give a reason')).toBeVisible();
  await expectAccessible(page, '[data-testid="reopen-dialog"]');
  await reopen.getByLabel('Reason for the change (required)').fill('Factuur gecorrigeerd');
  await reopen.getByTestId('reopen-submit').click();
  await expect(reopen).toBeHidden();
  await expect(closed).toHaveCount(0);
  await expect(room.getByTestId('time-entry-locked')).toHaveCount(0);

  // Closed again, in Dutch and dark: what an engineer and a lead read.
  await room.getByTestId('time-close-month').click();
  await shell.setLanguage('nl');
  await shell.themeToggle.click();
  await expect(closed).toContainText('is afgesloten');
  await expect(room.getByTestId('time-reopen-month')).toContainText('heropenen');
  await expectAccessible(page, '[data-testid="room-time"]');
  await page.screenshot({ path: test.info().outputPath('time-closed-month-dark-nl.png'), fullPage: true });
});

test('stopping a timer that ran over 24 hours asks first; Esc keeps it running', async ({ page, host }) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  const engine = await EngineClient.connect(host.url);
  try {
    const started = (await engine.call('time.start', { clientId: clientIds.BAKK })) as { id: string };
    // Forgotten since yesterday: its start moved back 25 hours (a running timer may run up to a week).
    await engine.call('time.update', {
      id: started.id,
      reason: 'vergeten',
      startedAt: new Date(Date.now() - 25 * 3_600_000).toISOString(),
    });
  } finally {
    engine.close();
  }
  await page.goto('/#/time');
  const timer = page.getByTestId('status-timer');
  await expect(timer.getByTestId('status-timer-elapsed')).toContainText('25:');
  await timer.getByTestId('status-timer-stop').click();
  const dialog = page.getByTestId('long-stop-dialog');
  await expect(dialog).toContainText('over 24 hours');
  await expect(dialog.getByRole('button', { name: 'Keep it running' })).toBeFocused();
  await expectAccessible(page, '[data-testid="long-stop-dialog"]');
  await page.screenshot({ path: test.info().outputPath('long-stop-en.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(timer.getByTestId('status-timer-stop')).toBeVisible();
  await timer.getByTestId('status-timer-stop').click();
  await dialog.getByTestId('long-stop-confirm').click();
  await expect(timer).toHaveText('No timer running');
});

test('an entry over 24 hours is logged once the engineer confirms it', async ({ page, host }) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  await page.goto('/#/time');
  const form = page.getByTestId('room-time').getByTestId('time-log-form');
  await form.getByLabel('Client').selectOption(clientIds.BAKK ?? '');
  await form.getByLabel('Start').fill(localAgo(3 * 24 * 60));
  await form.getByLabel('Minutes').fill('1500');
  await expect(form.getByTestId('time-log-confirm-long')).toBeVisible();
  await form.getByTestId('time-log-confirm-long').check();
  await expectAccessible(page, '[data-testid="time-log-form"]');
  await form.getByTestId('time-log-submit').click();
  await expect(form.getByText('Time logged')).toBeVisible();
  await expect(form.getByTestId('time-log-confirm-long')).toHaveCount(0);
  const engine = await EngineClient.connect(host.url);
  try {
    const month = localAgo(3 * 24 * 60).slice(0, 7);
    const list = await engine.call('time.list', { month });
    expect(list.entries.map((e) => e.minutes)).toContain(1500);
  } finally {
    engine.close();
  }
});
