import { createServer } from 'node:net';
import { CHECKSUM_TABLES } from '../../shared/schema/tables';
import { EngineClient } from './engineClient';
import { expect, type Laptop, test } from './fixtures';
import type { AddedEngineer, OfficeServer } from './officeServer';
import { seed } from './seed';

// Three processes start before each test (an office server and two web hosts), on top of the pages.
test.describe.configure({ timeout: 60_000 });

const SANNE = { name: 'Sanne de Boer', email: 'sanne@example.nl' };
const JORIS = { name: 'Joris Bakker', email: 'joris@example.nl' };

/** Pairs a laptop through its status bar and the pairing form, and waits for the first round. */
async function pairThroughUi(laptop: Laptop, office: OfficeServer, added: AddedEngineer): Promise<void> {
  await laptop.sync.open();
  await laptop.sync.submitPairing({ serverUrl: office.url, code: added.pairingCode });
  await expect(laptop.sync.summary).toHaveText('Synced just now');
  await laptop.sync.close();
}

/** Pairs a laptop straight through its engine (for laptops that only set the scene) and waits until all is pushed. */
async function pairThroughEngine(laptop: Laptop, office: OfficeServer, added: AddedEngineer): Promise<void> {
  const engine = await EngineClient.connect(laptop.host.url);
  try {
    await engine.call('sync.login', { serverUrl: office.url, code: added.pairingCode });
    await expect
      .poll(async () => {
        const status = await engine.call('sync.status', {});
        return status.state === 'idle' && status.lastSyncAt !== null && status.pending === 0;
      })
      .toBe(true);
  } finally {
    engine.close();
  }
}

/** A port nothing listens on: the OS hands one out, and we close it again at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('an incident logged on one laptop appears on the other without a reload', async ({ office, laptopA: a, laptopB: b }) => {
  const [sanne, joris] = await Promise.all([office.addEngineer(SANNE), office.addEngineer(JORIS)]);

  // Laptop A is brand new: it pairs from the first-run dialog, and the server says who it belongs to.
  await a.page.goto('/');
  await a.page.getByTestId('first-run-pair').click();
  await a.sync.submitPairing({ serverUrl: office.url, code: sanne.pairingCode, deviceName: 'ThinkPad Sanne' });
  await expect(a.sync.summary).toHaveText('Synced just now');
  await expect(a.sync.dialog.getByTestId('sync-engineer')).toHaveText('Sanne de Boer · sanne@example.nl');
  await expect(a.sync.dialog.getByTestId('sync-server')).toHaveText(office.url);
  await a.sync.close();
  await expect(a.shell.profileName).toHaveText(/Sanne de Boer/);
  await expect(a.sync.statusLabel).toHaveText('Synced just now');
  await expect(a.sync.statusLive).toHaveText('Live');

  // Laptop B was in use under a name of its own; pairing makes it Joris's.
  await b.page.goto('/');
  await b.shell.completeFirstRun('Joris');
  await pairThroughUi(b, office, joris);
  await expect(b.shell.profileName).toHaveText(/Joris Bakker/);
  await expect(b.sync.statusLive).toHaveText('Live');

  // Nothing below may reload B: this mark would be gone.
  await b.page.evaluate(() => Object.assign(window, { e2eNoReload: true }));

  await a.shell.goTo('clients');
  await a.clients.add('Bakkerij de Vries', 'BAKK');
  await a.shell.goTo('incidents');
  const title = 'Webshop checkout returns 502 after iDEAL payment';
  await a.incidents.submitNew({ client: 'Bakkerij de Vries (BAKK)', title, priority: 'P1' });
  await expect(a.incidents.detail.getByTestId('detail-title')).toHaveText(title);

  // The server pokes B over the realtime channel; B pulls and its list refreshes on data.changed.
  await expect(b.incidents.row(title)).toBeVisible();
  await expect(b.incidents.count).toHaveText('1 incident');
  expect(await b.page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // Both histories show the entry as confirmed by the server.
  await b.incidents.open(title);
  await expect(b.incidents.auditEntries).toHaveCount(1);
  await expect(b.incidents.auditEntries.first()).toContainText('Sanne de Boer opened the incident');
  await expect(b.incidents.auditEntries.first().getByTestId('audit-sync')).toHaveText('On server');
  await expect(a.incidents.auditEntries.first().getByTestId('audit-sync')).toHaveText('On server');
  await expect(a.sync.statusLabel).toHaveText('Synced just now');
  await expect(a.sync.statusPending).toBeHidden();

  // B checks it holds what the server holds: a checksum per table, all equal.
  await b.sync.open();
  await b.sync.checkButton.click();
  await expect(b.sync.checkVerdict).toHaveText('Every table is the same as on the server.');
  // One line per checksummed table of the registry: a new synced table shows up here by itself.
  await expect(b.sync.checkTables).toHaveCount(CHECKSUM_TABLES.length);
  await expect(b.sync.checkTables.filter({ hasText: 'Incidents' })).toContainText('1 row');
  await b.sync.close();
});

test('a wrong pairing code shows the server’s refusal, and an unreachable server says so', async ({ office, laptopA: a }) => {
  await seed(a.host.url);
  await a.page.goto('/');
  await expect(a.sync.statusLabel).toHaveText('Local only — not paired with an office server');

  await a.sync.openWithKeyboard();
  await expect(a.sync.pairingForm.getByLabel('Server address')).toBeFocused();
  await a.sync.submitPairing({ serverUrl: office.url, code: 'WRNG-CODE-0000' });
  await expect(a.sync.pairingError).toContainText('The server did not accept this pairing code');
  await expect(a.sync.pairingError).toContainText('Unknown, used or expired pairing code');
  // The form keeps what was typed, to correct it.
  await expect(a.sync.pairingForm.getByLabel('Pairing code')).toHaveValue('WRNG-CODE-0000');

  await a.sync.submitPairing({ serverUrl: 'vangnet.office', code: 'AB' });
  await expect(a.sync.dialog.getByTestId('sync-server-url-error')).toHaveText('must be a web address starting with http:// or https://');
  await expect(a.sync.dialog.getByTestId('sync-code-error')).toHaveText('must be at least 4 characters');

  await a.sync.submitPairing({ serverUrl: `http://127.0.0.1:${await closedPort()}`, code: 'ABCD-EFGH-JKLM' });
  await expect(a.sync.pairingError).toContainText('Cannot reach the office server');
  await expect(a.sync.pairingError).toContainText('Check the address, and that you are on the office network or VPN.');

  await a.sync.close();
  await expect(a.sync.statusLabel).toHaveText('Local only — not paired with an office server');
  await expect(a.shell.profileName).toHaveText(/Sanne de Boer/);
});

test('a change the server refuses stays listed, also after a reload, until it is dismissed', async ({ office, laptopA: a, laptopB: b }) => {
  const [sanne, joris] = await Promise.all([office.addEngineer(SANNE), office.addEngineer(JORIS)]);
  // Sanne's laptop puts BAKK on the server first.
  await seed(a.host.url, { clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  await pairThroughEngine(a, office, sanne);

  // Joris added a client with the same code while he was not paired yet.
  await seed(b.host.url, { engineer: 'Joris', clients: [{ name: 'Bakker & Zonen', code: 'BAKK' }] });
  await b.page.goto('/');
  await b.sync.open();
  await b.sync.submitPairing({ serverUrl: office.url, code: joris.pairingCode });

  const refused = b.sync.rejected('Client code BAKK is already used by Bakkerij de Vries');
  await expect(b.sync.rejectedChanges).toHaveCount(1);
  await expect(refused).toContainText('New client');
  await b.sync.close();
  await expect(b.sync.statusRejected).toHaveText('1 refused');

  // The refused client was undone on B; the server's BAKK took its place.
  await b.shell.goTo('clients');
  await expect(b.clients.rows).toHaveCount(1);
  await expect(b.clients.row('Bakkerij de Vries')).toBeVisible();

  await b.page.reload();
  await expect(b.sync.statusRejected).toHaveText('1 refused');
  await b.sync.sidebarEntry.click();
  await refused.getByRole('button', { name: 'Dismiss refused change: New client' }).click();
  await expect(b.sync.rejectedChanges).toHaveCount(0);
  await b.sync.close();
  await expect(b.sync.statusRejected).toBeHidden();
});

/**
 * The states of the status bar and the sync panel, in light and dark, kept in test-results/ for
 * review: local only, pairing (and its error), synced with refused changes, syncing, error, offline.
 */
test('a tour of the sync states', async ({ office, laptopA: a, laptopB: b }, testInfo) => {
  test.setTimeout(90_000);
  const { page } = a;
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  // The bottom-left corner: the sidebar's "Office server" entry above the status bar's sync item.
  const corner = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), clip: { x: 0, y: viewport.height - 150, width: 820, height: 150 } });
  const setTheme = async (theme: 'light' | 'dark') => {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await a.shell.themeToggle.click();
  };

  const [sanne, joris] = await Promise.all([office.addEngineer(SANNE), office.addEngineer(JORIS)]);
  await seed(b.host.url, { engineer: 'Joris', clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }] });
  await pairThroughEngine(b, office, joris);
  // Sanne worked offline: one client clashes with the server's BAKK, so it and its incident are refused.
  await seed(a.host.url, {
    clients: [
      { name: 'Bakkerij de Vries', code: 'BAKK' },
      { name: 'Gemeente Zeewolde', code: 'ZEEW' },
    ],
    incidents: [
      { client: 'ZEEW', priority: 'P1', hoursAgo: 1.2, title: 'Waste collection calendar unreachable (DNS)' },
      { client: 'BAKK', priority: 'P2', hoursAgo: 0.5, title: 'Webshop checkout returns 502 after iDEAL payment' },
    ],
  });

  await page.goto('/');
  await setTheme('light');
  await expect(a.sync.statusLabel).toHaveText('Local only — not paired with an office server');
  await corner('01-status-local');
  await a.sync.open();
  await shot('02-panel-pairing-light');
  await a.sync.submitPairing({ serverUrl: office.url, code: 'WRNG-CODE-0000' });
  await expect(a.sync.pairingError).toBeVisible();
  await shot('03-panel-pairing-error-light');

  await a.sync.submitPairing({ serverUrl: office.url, code: sanne.pairingCode, deviceName: 'ThinkPad Sanne' });
  await expect(a.sync.rejectedChanges).toHaveCount(2);
  await expect(a.sync.rejected(/Unknown client/)).toContainText('New incident');
  await shot('04-panel-synced-refused-light');
  await a.sync.close();
  await expect(a.sync.statusRejected).toHaveText('2 refused');
  await corner('05-status-synced-refused-light');

  await setTheme('dark');
  await a.sync.open();
  await shot('06-panel-synced-refused-dark');
  for (const name of ['New incident', 'New client']) {
    await a.sync.dialog.getByRole('button', { name: `Dismiss refused change: ${name}` }).click();
  }
  await expect(a.sync.rejectedChanges).toHaveCount(0);
  await a.sync.close();
  await corner('07-status-synced-dark');

  // A frozen server: the round hangs, so "Syncing…" stays on screen.
  const engine = await EngineClient.connect(a.host.url);
  try {
    const clients = await engine.call('clients.list', {});
    const zeew = clients.find((c) => c.code === 'ZEEW');
    if (!zeew) throw new Error('ZEEW did not sync');
    office.pause();
    await engine.call('incidents.create', { clientId: zeew.id, title: 'Contact form no longer sends e-mail', priority: 'P2' });
    await expect(a.sync.statusLabel).toHaveText('Syncing…');
    await expect(a.sync.statusPending).toHaveText('1 waiting');
    await corner('08-status-syncing-dark');
    await a.sync.open();
    await expect(a.sync.summary).toHaveText('Syncing…');
    await shot('09-panel-syncing-dark');
    office.resume();
    await expect(a.sync.summary).toHaveText('Synced just now');
    await expect(a.sync.dialog.getByTestId('sync-pending')).toHaveText('Nothing — the server has everything');

    // The admin revokes this laptop: the next round fails with the server's reason.
    const listed = JSON.parse(await office.admin(['list', '--json'])) as { email: string; devices: { id: string }[] }[];
    const device = listed.find((e) => e.email === SANNE.email)?.devices[0];
    if (!device) throw new Error('Sanne has no device');
    await office.admin(['revoke-device', device.id]);
    await a.sync.syncNowButton.click();
    await expect(a.sync.summary).toHaveText('Sync error: Missing, unknown or revoked device token');
    await shot('10-panel-error-dark');
    await a.sync.close();
    await corner('11-status-error-dark');

    // The server is gone: changes wait on the laptop.
    await office.stop();
    for (const title of ['TLS certificate expires in 14 days', 'Favicon missing in Safari']) {
      await engine.call('incidents.create', { clientId: zeew.id, title, priority: 'P3' });
    }
    await expect(a.sync.statusLabel).toHaveText('Offline — 2 changes waiting');
    await corner('12-status-offline-dark');
    await setTheme('light');
    await corner('13-status-offline-light');
    await a.sync.open();
    await expect(a.sync.dialog.getByTestId('sync-offline')).toContainText('Cannot reach the office server');
    await shot('14-panel-offline-light');
    await a.sync.close();

    await a.shell.setLanguage('nl');
    await expect(a.sync.statusLabel).toHaveText('Offline — 2 wijzigingen wachten');
    await a.incidents.open('Favicon missing in Safari');
    await expect(a.incidents.auditEntries.first().getByTestId('audit-sync')).toHaveText('Alleen op deze laptop');
    await shot('15-history-local-nl');
    await a.sync.open();
    await shot('16-panel-offline-nl');
  } finally {
    engine.close();
  }
});
