import { expect, test } from './fixtures';
import { DEMO_CLIENTS, DEMO_INCIDENTS, seed } from './seed';

/**
 * A walk past every screen, with a screenshot of each kept in test-results/ for review: empty
 * state, clients and their validation, a Dutch edit form, the shortcut map, a placeholder room
 * and a narrow window.
 */
test('a tour of the screens', async ({ page, host, shell, clients, incidents }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  await seed(host.url);
  await page.goto('/');
  await expect(page.getByTestId('incident-list-empty')).toContainText('No open incidents');
  await shot('01-empty');

  await seed(host.url, { clients: DEMO_CLIENTS, incidents: DEMO_INCIDENTS });
  // The engine's data.changed brings the seeded rows in without a reload.
  await expect(incidents.count).toHaveText(`${DEMO_INCIDENTS.length} incidents`);
  await shot('02-list');

  await shell.goTo('clients');
  await expect(clients.rows).toHaveCount(DEMO_CLIENTS.length);
  await expect(clients.row('Bakkerij de Vries')).toContainText('2');
  await page.keyboard.press('n');
  await clients.dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(clients.dialog.getByRole('alert')).toContainText('name: must not be empty');
  await clients.dialog.getByLabel('Name').fill('Drukkerij Peters');
  await clients.dialog.getByLabel(/^Code/).fill('x');
  await clients.dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(clients.dialog.getByTestId('client-code-error')).toHaveText('must be 2–16 letters, digits or dashes');
  await shot('03-client-error');
  await page.keyboard.press('Escape');
  await expect(clients.rows).toHaveCount(DEMO_CLIENTS.length);

  // A client's open-incident count leads to its incidents.
  await clients.row('Hotel De Zwaan').getByTestId('client-incidents').click();
  await expect(incidents.count).toHaveText('2 incidents');
  await expect(page.getByTestId('filter-client')).toHaveValue(/.+/);

  await shell.setLanguage('nl');
  await incidents.open('Favicon missing in Safari');
  await incidents.detail.getByRole('button', { name: 'Bewerken' }).click();
  await expect(incidents.detail.getByRole('radio', { name: 'P4 — vraag of cosmetisch' })).toBeChecked();
  await shot('04-nl-edit');
  await page.keyboard.press('Escape');
  await expect(incidents.detail.getByTestId('incident-edit-form')).toBeHidden();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Sneltoetsen');
  await shot('05-shortcuts');
  await page.keyboard.press('Escape');

  await shell.goTo('oncall');
  await expect(page.getByTestId('room-oncall')).toContainText('Piketroosters komen in een latere versie.');
  await shot('06-placeholder');

  await page.setViewportSize({ width: 1100, height: 700 });
  await shell.goTo('incidents');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(incidents.count).toHaveText(`${DEMO_INCIDENTS.length} incidenten`);
  await page.keyboard.press('j');
  await expect(incidents.detail).toBeVisible();
  await shot('07-narrow');
});
