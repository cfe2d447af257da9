import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { contractTemplate } from '../../shared/domain/contract';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Two small tickets of a prepaid client (15-minute increments), a third that is a change request, and another client's. */
async function setUp(hostUrl: string): Promise<void> {
  await seed(hostUrl, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }, { name: 'Drukkerij Peters', code: 'DRUK' }], incidents: [] });
  const engine = await EngineClient.connect(hostUrl);
  try {
    const clients = await engine.call('clients.list', {});
    const bakk = clients.find((c) => c.code === 'BAKK')!;
    const druk = clients.find((c) => c.code === 'DRUK')!;
    await engine.call('contracts.set', { clientId: bakk.id, effectiveFrom: '2020-01-01', terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 } });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const first = await engine.call('incidents.create', { clientId: bakk.id, title: 'Wachtwoord vergeten', priority: 'P4', openedAt: ago(90) });
    const second = await engine.call('incidents.create', { clientId: bakk.id, title: 'Logo vervangen', priority: 'P4', openedAt: ago(80) });
    await engine.call('time.log', { incidentId: first.id, startedAt: ago(60), minutes: 7 });
    await engine.call('time.log', { incidentId: second.id, startedAt: ago(45), minutes: 7 });
    const feature = await engine.call('incidents.create', { clientId: bakk.id, title: 'Koppeling met Exact Online', priority: 'P3', openedAt: ago(70) });
    await engine.call('changeRequests.convert', { id: feature.id });
    await engine.call('incidents.create', { clientId: druk.id, title: 'Drukproef ontbreekt', priority: 'P3', openedAt: ago(75) });
  } finally {
    engine.close();
  }
}

test('merge a ticket into another of the same client, by keyboard, with what it saves; the survivor takes selection and focus', async ({ page, host, incidents }) => {
  await setUp(host.url);
  await page.goto('/');
  await incidents.open('Logo vervangen');

  const open = incidents.detail.getByTestId('merge-into-open');
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('merge-into');
  await expect(dialog.getByTestId('merge-into-search')).toBeFocused();
  // Only open tickets of the same client, never itself nor another client's.
  const targets = dialog.getByTestId('merge-into-target');
  await expect(targets).toHaveCount(2);
  await expect(dialog).not.toContainText('Drukproef ontbreekt');
  await page.keyboard.type('Wacht');
  await expect(targets).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(targets.first()).toBeChecked();
  await expect(targets.first()).toBeFocused();
  await expect(dialog.getByTestId('merge-into-preview')).toContainText('Bills 15 min instead of 30 (saves 15 min)');
  await expect(dialog.getByTestId('merge-into-preview')).toContainText('1 time entry moves to “Wachtwoord vergeten”');
  await expectAccessible(page, '[data-testid="merge-into"]');
  await page.screenshot({ path: test.info().outputPath('merge-into-en.png') });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('merge-into-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(incidents.detail.getByTestId('detail-title')).toHaveText('Wachtwoord vergeten');
  await expect(incidents.detail.getByTestId('detail-title')).toBeFocused();
  await expect(incidents.row('Wachtwoord vergeten')).toHaveAttribute('aria-selected', 'true');
  await expect(incidents.detail.getByTestId('timeline')).toContainText('merged 1 ticket into this one');
  await expect(incidents.row('Logo vervangen')).toHaveCount(0);
});

test('change requests carry a marker in words, and the scope filter shows either side', async ({ page, host, incidents }) => {
  await setUp(host.url);
  await page.goto('/');
  await expect(incidents.row('Koppeling met Exact Online').getByTestId('cr-marker')).toHaveText('Change request');
  await expect(incidents.row('Wachtwoord vergeten').getByTestId('cr-marker')).toHaveCount(0);
  const scope = page.getByTestId('filter-scope');
  await scope.selectOption('change_request');
  await expect(incidents.rows).toHaveCount(1);
  await expect(incidents.rows.first()).toContainText('Koppeling met Exact Online');
  await scope.selectOption('support');
  await expect(incidents.rows).toHaveCount(3);
  await expect(incidents.list).not.toContainText('Koppeling met Exact Online');
  await scope.selectOption('');
  await expect(incidents.rows).toHaveCount(4);
  await expectAccessible(page, '[data-testid="incident-filters"]');
  // The list's column headers and client codes have contrast findings of their own, not made here: the marker is scanned.
  await expectAccessible(page, '[data-testid="cr-marker"]');
});

test.describe('in Dutch and dark', () => {
  test.use({ locale: 'nl-NL', colorScheme: 'dark' });

  test('the marker, the scope filter and the merge dialog are Dutch and accessible in the dark', async ({ page, host, incidents }) => {
    await setUp(host.url);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(incidents.row('Koppeling met Exact Online').getByTestId('cr-marker')).toHaveText('Wijzigingsverzoek');
    await expect(page.getByTestId('filter-scope').locator('option:checked')).toHaveText('Support en wijzigingsverzoeken');
    await expectAccessible(page, '[data-testid="incident-filters"]');
    await expectAccessible(page, '[data-testid="cr-marker"]');
    await page.screenshot({ path: test.info().outputPath('incidents-cr-nl-dark.png') });

    await incidents.open('Logo vervangen');
    await incidents.detail.getByTestId('merge-into-open').click();
    const dialog = page.getByTestId('merge-into');
    await dialog.getByTestId('merge-into-target').first().check();
    await expect(dialog.getByTestId('merge-into-preview')).toContainText('gefactureerd');
    await expectAccessible(page, '[data-testid="merge-into"]');
    await page.screenshot({ path: test.info().outputPath('merge-into-nl-dark.png') });
  });
});

test('a merge leaves time of a closed month where it is, and says so before and after', async ({ page, host, incidents }) => {
  await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }], incidents: [] });
  const last = new Date();
  last.setUTCDate(15);
  last.setUTCMonth(last.getUTCMonth() - 1);
  last.setUTCHours(10, 0, 0, 0);
  const engine = await EngineClient.connect(host.url);
  try {
    const bakk = (await engine.call('clients.list', {})).find((c) => c.code === 'BAKK')!;
    await engine.call('contracts.set', { clientId: bakk.id, effectiveFrom: '2020-01-01', terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 } });
    const openedAt = new Date(last.getTime() - 86_400_000).toISOString();
    const survivor = await engine.call('incidents.create', { clientId: bakk.id, title: 'Wachtwoord vergeten', priority: 'P4', openedAt });
    const merged = await engine.call('incidents.create', { clientId: bakk.id, title: 'Logo vervangen', priority: 'P4', openedAt });
    await engine.call('time.log', { incidentId: merged.id, startedAt: last.toISOString(), minutes: 7 });
    await engine.call('time.log', { incidentId: merged.id, startedAt: new Date(Date.now() - 30 * 60_000).toISOString(), minutes: 7 });
    await engine.call('time.log', { incidentId: survivor.id, startedAt: new Date(Date.now() - 60 * 60_000).toISOString(), minutes: 7 });
    await engine.call('month.close', { clientId: bakk.id, month: last.toISOString().slice(0, 7) });
  } finally {
    engine.close();
  }
  await page.goto('/');
  await incidents.open('Logo vervangen');
  await incidents.detail.getByTestId('merge-into-open').click();
  const dialog = page.getByTestId('merge-into');
  await dialog.getByTestId('merge-into-target').first().check();
  await expect(dialog.getByTestId('merge-into-kept')).toHaveText('1 time entry stays here: its month is closed and billed');
  await expect(dialog.getByTestId('merge-into-preview')).toContainText('1 time entry moves to “Wachtwoord vergeten”');
  await dialog.getByTestId('merge-into-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(incidents.detail.getByTestId('detail-title')).toHaveText('Wachtwoord vergeten');
  await expect(incidents.detail.getByTestId('timeline')).toContainText('1 time entry stayed: its month is closed');
});
