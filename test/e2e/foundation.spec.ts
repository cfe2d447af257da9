import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { DEMO_CLIENTS, DEMO_INCIDENTS, seed } from './seed';

test('first run: name, a client, an incident, and it survives a reload', async ({ page, shell, clients, incidents }) => {
  await page.goto('/');
  await expect(shell.firstRunDialog).toBeVisible();
  await expect(shell.firstRunDialog.getByRole('heading', { name: 'Welcome to Vangnet' })).toBeVisible();
  await shell.completeFirstRun('Sanne de Boer');
  await expect(shell.firstRunDialog).toBeHidden();
  await expect(shell.profileName).toHaveText(/Sanne de Boer/);

  await shell.goTo('clients');
  await clients.add('Bakkerij de Vries', 'BAKK');
  await expect(clients.dialog).toBeHidden();
  await expect(clients.row('Bakkerij de Vries')).toContainText('BAKK');

  await shell.goTo('incidents');
  await incidents.submitNew({
    client: 'Bakkerij de Vries (BAKK)',
    title: 'Webshop checkout returns 502',
    description: 'Since the 09:00 deploy.',
    priority: 'P1',
  });
  await expect(incidents.dialog).toBeHidden();
  const row = incidents.row('Webshop checkout returns 502');
  await expect(row).toBeVisible();
  await expect(row).toContainText('P1');
  await expect(row).toContainText('BAKK');
  await expect(incidents.count).toHaveText('1 incident');
  // A new incident opens in the detail pane.
  await expect(incidents.detail.getByTestId('detail-title')).toHaveText('Webshop checkout returns 502');

  await page.reload();
  await expect(incidents.row('Webshop checkout returns 502')).toBeVisible();
  await expect(shell.firstRunDialog).toBeHidden();
  await expect(shell.profileName).toHaveText(/Sanne de Boer/);
  await shell.goTo('clients');
  await expect(clients.row('Bakkerij de Vries')).toContainText('1');
});

test('editing the priority updates the list and records an audit entry', async ({ page, host, incidents }) => {
  await seed(host.url, {
    engineer: 'Daan Visser',
    clients: [{ name: 'Gemeente Zeewolde', code: 'ZEEW' }],
    incidents: [{ client: 'ZEEW', title: 'Waste calendar unreachable', priority: 'P1', hoursAgo: 2 }],
  });
  await page.goto('/');
  await incidents.open('Waste calendar unreachable');
  await expect(incidents.auditEntries).toHaveCount(1);
  await expect(incidents.auditEntries.first()).toContainText('Daan Visser opened the incident');

  await incidents.editPriority('P2');
  await expect(incidents.detail.getByTestId('incident-edit-form')).toBeHidden();
  await expect(incidents.detail.getByTestId('priority-badge')).toHaveText('P2');
  await expect(incidents.row('Waste calendar unreachable').getByTestId('priority-badge')).toHaveText('P2');
  await expect(incidents.auditEntries).toHaveCount(2);
  await expect(incidents.auditEntries.first()).toContainText('Daan Visser changed priority from P1 to P2');
});

test('the language switch translates the interface and is remembered', async ({ page, host, shell }) => {
  await seed(host.url);
  await page.goto('/');
  await expect(shell.navLink('incidents')).toHaveText(/Incidents/);
  await expect(shell.statusBar).toContainText('Local only — not paired with an office server');

  await shell.setLanguage('nl');
  await expect(shell.navLink('incidents')).toHaveText(/Incidenten/);
  await expect(shell.navLink('clients')).toHaveText(/Klanten/);
  await expect(shell.roomHeading()).toHaveText('Incidenten');
  await expect(shell.statusBar).toContainText('Alleen lokaal — niet gekoppeld aan een kantoorserver');
  await expect(shell.statusBar).toContainText('Geen timer actief');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.reload();
  await expect(shell.navLink('clients')).toHaveText(/Klanten/);
  await shell.goTo('time');
  await expect(page.getByTestId('room-time')).toContainText('Geen tijd geregistreerd in deze periode.');

  await shell.setLanguage('en');
  await expect(page.getByTestId('room-time')).toContainText('No time logged in this period.');
  await expect(shell.navLink('clients')).toHaveText(/Clients/);
});

test('an empty title is refused: the error shows, the form keeps its values, nothing is created', async ({ page, host, incidents }) => {
  await seed(host.url, { clients: [{ name: 'Van Dijk Advocaten', code: 'VDA' }] });
  await page.goto('/');
  await incidents.submitNew({ client: 'Van Dijk Advocaten (VDA)', title: '   ', description: 'Keep this text', priority: 'P2' });

  await expect(incidents.dialog.getByRole('alert')).toContainText('Check the highlighted fields');
  await expect(incidents.dialog.getByRole('alert')).toContainText('title: must not be empty');
  await expect(incidents.dialog.getByTestId('incident-title-error')).toHaveText('must not be empty');
  await expect(incidents.dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(incidents.dialog.getByLabel(/^Description/)).toHaveValue('Keep this text');
  await expect(incidents.dialog.getByRole('radio', { name: /^P2 / })).toBeChecked();

  await page.keyboard.press('Escape');
  await expect(incidents.dialog).toBeHidden();
  await expect(page.getByTestId('incident-list-empty')).toBeVisible();
  const engine = await EngineClient.connect(host.url);
  try {
    expect((await engine.call('incidents.list', {})).total).toBe(0);
  } finally {
    engine.close();
  }
});

test('keyboard: n opens the new-incident dialog, Esc closes it, g c goes to clients', async ({ page, host, shell, incidents }) => {
  await seed(host.url, { clients: [DEMO_CLIENTS[0]] });
  await page.goto('/');
  await expect(incidents.room).toBeVisible();
  await page.keyboard.press('n');
  await expect(incidents.dialog).toBeVisible();
  await expect(incidents.dialog.getByLabel('Client')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(incidents.dialog).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByTestId('room-clients')).toBeVisible();
  await expect(shell.navLink('clients')).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('/');
  await expect(page.getByTestId('room-clients').getByTestId('search')).toBeFocused();
});

test('a seeded day of work, for the README screenshot', async ({ page, host, incidents }, testInfo) => {
  await seed(host.url, { clients: DEMO_CLIENTS, incidents: DEMO_INCIDENTS });
  await page.goto('/');
  await expect(incidents.count).toHaveText(`${DEMO_INCIDENTS.length} incidents`);
  await incidents.open('Webshop checkout returns 502 after iDEAL payment');
  await incidents.editPriority('P1'); // no change: closes the editor without a write
  await expect(incidents.auditEntries).toHaveCount(1);
  await page.mouse.move(0, 0);

  const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
  await mkdir(docs, { recursive: true });
  await page.screenshot({ path: path.join(docs, 'screenshot.png'), fullPage: true });

  // Review shots, kept with the test's results.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: testInfo.outputPath('incidents-dark.png') });
  await page.keyboard.press('n');
  await expect(incidents.dialog).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('new-incident-dark.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('theme-toggle').click();
  await page.keyboard.press('n');
  await page.screenshot({ path: testInfo.outputPath('new-incident-light.png') });
});
