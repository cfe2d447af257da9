import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'Koppeling met Exact Online';

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('convert a ticket to a change request: hint at creation, convert, estimate and quote, send, accept', async ({ page, host, incidents }) => {
  await seed(host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }], incidents: [] });
  await page.goto('/');

  // The hint follows what is typed, names its reason, and changes nothing by itself.
  await incidents.newButton.click();
  const dialog = incidents.dialog;
  await dialog.getByLabel('Client').selectOption({ label: 'Bakkerij de Vries (BAKK)' });
  await dialog.getByLabel('Title').fill('Wachtwoord vergeten');
  await expect(dialog.getByTestId('scope-hint-reason')).toHaveText('Probably support: mentions wachtwoord');
  await dialog.getByLabel('Title').fill(TITLE);
  await expect(dialog.getByTestId('scope-hint-reason')).toHaveText('Probably new development (a change request): mentions koppeling');
  await expect(dialog.getByTestId('scope-hint-use')).toHaveText('Use this: change request');
  await expect(dialog.getByLabel(/^Category/)).toHaveValue('');
  // The hint itself (the dialog's priority and "optional" texts have their own contrast findings, not this work's).
  await expectAccessible(page, '[data-testid="scope-hint"]');
  await page.screenshot({ path: test.info().outputPath('new-incident-hint.png') });
  await dialog.getByRole('button', { name: 'Create incident' }).click();
  await expect(dialog).toBeHidden();

  await incidents.open(TITLE);
  const card = incidents.detail.getByTestId('change-request-card');
  await expect(card.getByTestId('scope-hint-reason')).toContainText('mentions koppeling');
  await card.getByTestId('cr-convert').click();
  await expect(card.getByTestId('cr-status')).toHaveText('Draft');
  await expect(incidents.detail.getByTestId('detail-category')).toHaveValue('new_functionality');
  await expect(card.getByTestId('scope-hint')).toHaveCount(0);

  // Sending without an estimate is refused, clearly; unreadable hours are named at the field.
  await card.getByTestId('cr-sent').click();
  await expect(card.getByTestId('cr-error')).toContainText('needs an estimate');
  await card.getByLabel('Estimate (hours)').fill('acht');
  await card.getByTestId('cr-save').click();
  await expect(card.getByTestId('cr-estimate-input-error')).toHaveText('must be a number of hours above 0, such as 8 or 1.5');

  await card.getByLabel('Estimate (hours)').fill('8');
  await card.getByLabel('Quote (€)').fill('950');
  await card.getByLabel('Quote (€)').press('Enter');
  await expect(card.getByTestId('cr-estimate')).toHaveText('8 h');
  await expect(card.getByTestId('cr-quote')).toHaveText('€950.00');
  await card.getByTestId('cr-sent').click();
  await expect(card.getByTestId('cr-status')).toHaveText('Quote sent');
  await expect(card.getByTestId('cr-to-support')).toHaveCount(0);
  await card.getByTestId('cr-accepted').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('cr-status')).toHaveText('Accepted');
  await expect(card.getByTestId('cr-error')).toHaveCount(0);
  await expectAccessible(page, '[data-testid="change-request-card"]');
  await page.screenshot({ path: test.info().outputPath('change-request-accepted.png') });
});
