import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

// An office server and two web hosts start before the test, on top of the pages.
test.describe.configure({ timeout: 60_000 });

const SANNE = { name: 'Sanne de Boer', email: 'sanne@example.nl' };
const JORIS = { name: 'Joris Bakker', email: 'joris@example.nl' };
const FIRST = 'Webshop checkout returns 502 after iDEAL payment';
const SECOND = 'Product photos load slowly on mobile';
const THIRD = 'Favicon missing in Safari';

test('a laptop paired later shows an incident’s older history, and says when it cannot fetch it', async ({
  office,
  laptopA: a,
  laptopB: b,
}) => {
  const [sanne, joris] = await Promise.all([office.addEngineer(SANNE), office.addEngineer(JORIS)]);
  // Sanne logged two incidents and synced them, before Joris's laptop was ever paired.
  await seed(a.host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [
      { client: 'BAKK', priority: 'P1', hoursAgo: 0.3, title: FIRST },
      { client: 'BAKK', priority: 'P3', hoursAgo: 50, title: SECOND },
      // (A bootstrap's cursor stops at the last row it hands out: B's next pull brings this one's entry anyway.)
      { client: 'BAKK', priority: 'P4', hoursAgo: 60, title: THIRD },
    ],
  });
  const engine = await EngineClient.connect(a.host.url);
  try {
    await engine.call('sync.login', { serverUrl: office.url, code: sanne.pairingCode });
    await expect.poll(async () => (await engine.call('sync.status', {})).pending).toBe(0);
  } finally {
    engine.close();
  }

  await b.page.goto('/');
  await b.shell.completeFirstRun('Joris');
  await b.sync.open();
  await b.sync.submitPairing({ serverUrl: office.url, code: joris.pairingCode });
  await expect(b.sync.summary).toHaveText('Synced just now');
  await b.sync.close();

  // The bootstrap brought the incidents without their history; opening one fetches it.
  const older = b.incidents.detail.getByTestId('audit-older');
  await b.incidents.open(FIRST);
  await expect(b.incidents.auditEntries).toHaveCount(1);
  await expect(b.incidents.auditEntries.first()).toContainText('Sanne de Boer opened the incident');
  await expect(b.incidents.auditEntries.first().getByTestId('audit-sync')).toHaveText('On server');
  await expect(older).toHaveAttribute('data-state', 'complete');

  // The server goes away: the other incident's history can't be fetched, and the pane says so.
  await office.stop();
  await b.incidents.open(SECOND);
  await expect(older).toHaveText('Older history is not available offline. Try again');
  await expect(b.incidents.auditEntries).toHaveCount(0);
  await expect(b.incidents.detail.getByText('No history yet.')).toBeHidden();
  // Keyboard: the retry is a real button.
  await older.getByRole('button', { name: 'Try again' }).focus();
  await b.page.keyboard.press('Enter');
  await expect(older).toHaveAttribute('data-state', 'incomplete');
  await b.shell.setLanguage('nl');
  await expect(older).toHaveText('Oudere geschiedenis is offline niet beschikbaar. Opnieuw proberen');
});
