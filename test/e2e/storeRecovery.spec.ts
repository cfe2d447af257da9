import fs from 'node:fs';
import path from 'node:path';
import { openEngine } from '../../core/engine/engine';
import { backupName, backupsDir } from '../../core/store/backups';
import { storeFile } from '../../core/store/paths';
import { expect, test as base } from './fixtures';
import { StorePanel } from './pages/StorePanel';
import { startWebHost, type WebHost } from './webHost';

const GARBAGE = 'overwritten by a disk that lied '.repeat(512);

/** A store with one client and a backup of it, then overwritten: it can no longer open. */
function damagedStoreWithBackup(dataDir: string): void {
  const engine = openEngine({ dataDir });
  engine.ensureProfile('Sanne de Boer');
  engine.handlers.clients.create({ name: 'Bakkerij de Vries', code: 'BAKK' });
  engine.close();
  // The closed store, checkpointed, is a sound copy; the restore checks it again before using it.
  fs.mkdirSync(backupsDir(dataDir));
  fs.copyFileSync(storeFile(dataDir), path.join(backupsDir(dataDir), backupName(Date.parse('2026-03-02T08:30:00Z'))));
  fs.writeFileSync(storeFile(dataDir), GARBAGE);
}

const test = base.extend<{ host: WebHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  host: async ({}, use, testInfo) => {
    const host = await startWebHost({ prepare: damagedStoreWithBackup });
    try {
      await use(host);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-host.log', { body: host.log(), contentType: 'text/plain' });
      await host.stop();
    }
  },
});

// axe-core (@axe-core/playwright) is not installed in this build environment, so this screen has no
// automated accessibility scan yet; its roles and names are asserted by hand below.
test('a damaged store offers its verified backups; restoring one brings the app back and keeps the damaged file', async ({
  page,
  host,
  shell,
  clients,
}, testInfo) => {
  const store = new StorePanel(page);
  await page.goto('/');
  await expect(store.heading()).toHaveText('The local data store is damaged');
  await expect(store.panel).toContainText('Vangnet found the damage when it opened the store.');
  await expect(store.panel).toContainText('The store cannot be opened.');
  await expect(store.backups).toHaveCount(1);
  await expect(store.backups.first()).toContainText('2 Mar 2026, 09:30');
  await expect(store.backups.first().getByRole('button', { name: 'Restore the backup of 2 Mar 2026, 09:30' })).toBeEnabled();

  await testInfo.attach('damaged-store.png', { body: await page.screenshot(), contentType: 'image/png' });
  await shell.setLanguage('nl');
  await expect(store.heading()).toHaveText('De lokale gegevensopslag is beschadigd');
  await expect(store.backups.first().getByRole('button')).toHaveText('Deze back-up terugzetten');

  await store.restore();
  await expect(store.panel).toBeHidden();
  await expect(shell.profileName).toHaveText(/Sanne de Boer/);
  await shell.goTo('clients');
  await expect(clients.row('Bakkerij de Vries')).toContainText('BAKK');

  const aside = fs.readdirSync(path.join(host.dataDir, 'damaged'));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(host.dataDir, 'damaged', aside[0]!, 'vangnet.sqlite3'), 'utf8')).toBe(GARBAGE);
});
