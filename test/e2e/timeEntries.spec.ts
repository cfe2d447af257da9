import AxeBuilder from '@axe-core/playwright';
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

  await room.getByTestId('time-entry').first().getByRole('button', { name: /^Edit the entry/ }).click();
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
  await expect(room.getByTestId('time-entry').first().getByRole('button', { name: /^Edit the entry/ })).toBeFocused();

  await room.getByTestId('time-entry').nth(1).getByRole('button', { name: /^Delete the entry/ }).click();
  await dialog.getByLabel('Reason for the change (required)').fill('Dubbel geboekt');
  await dialog.getByTestId('entry-submit').click();
  await expect(room.getByTestId('time-entry')).toHaveCount(1);
  await expect(total).toContainText('15');
});
