import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { contractTemplate } from '../../shared/domain/contract';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the suggestion bundles three small tickets; the survivor shows their activity and time, the merged one points to it', async ({ page, host }) => {
  await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }], incidents: [] });
  const engine = await EngineClient.connect(host.url);
  const client = (await engine.call('clients.list', {})).find((c) => c.code === 'BAKK')!;
  await engine.call('contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 } });
  const titles = ['Wachtwoord vergeten', 'Logo vervangen', 'Menu-item toevoegen'];
  for (const [i, title] of titles.entries()) {
    const t = await engine.call('incidents.create', { clientId: client.id, title, priority: 'P4', openedAt: new Date(Date.now() - (90 - i * 10) * 60_000).toISOString() });
    await engine.call('time.log', { incidentId: t.id, startedAt: new Date(Date.now() - (60 - i * 15) * 60_000).toISOString(), minutes: 7 });
    if (i === 1) await engine.call('incidents.note', { id: t.id, body: 'Nieuw logo staat in de mail' });
  }
  engine.close();

  await page.goto('/');
  await page.getByTestId('filter-client').selectOption(client.id);
  const card = page.getByTestId('bundling-suggestion');
  await expect(card.getByTestId('bundling-text')).toHaveText('Bundle 3 tickets: bills 30 min instead of 45 (saves 15)');
  await expectAccessible(page, '[data-testid="bundling-suggestion"]');
  await card.getByTestId('bundling-bundle').click();
  const confirm = page.getByTestId('bundling-confirm');
  await expect(confirm).toContainText('“Logo vervangen”: 1 time entries');
  await expectAccessible(page, '[data-testid="bundling-confirm"]');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();

  const detail = page.getByTestId('incident-detail');
  await expect(detail.getByTestId('detail-title')).toHaveText(titles[0]!);
  await expect(detail.getByTestId('timeline')).toContainText('merged 2 tickets into this one');
  await expect(detail.getByTestId('timeline-from-merged').first()).toContainText('from “Logo vervangen”');
  await expect(detail.getByTestId('timeline-message')).toContainText('Nieuw logo staat in de mail');
  await expect(card).toBeHidden();
  // The detail pane as a whole has contrast findings of its own (clock titles, times) not made here: only the merge lines are scanned.
  await expectAccessible(page, '[data-testid="timeline-from-merged"]');
});
