import { expect, test } from './fixtures';
import { seed } from './seed';

// Chromium logs each failed reconnect attempt once the host is gone: the socket's, and the fetch of
// the page that reads the restarted host's secret.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/] });

test('the status bar says when the engine connection drops', async ({ page, host, shell }) => {
  await seed(host.url);
  await page.goto('/');
  await expect(shell.statusBar).toContainText('No timer running');
  await expect(page.getByTestId('status-connection')).toBeHidden();

  await host.stop();
  await expect(page.getByTestId('status-connection')).toHaveText('Engine connection lost — reconnecting…');
});

test('the page reconnects to a restarted host, whose secret is new', async ({ page, host, incidents }) => {
  await seed(host.url, {
    clients: [{ name: 'Hotel De Zwaan', code: 'ZWAAN' }],
    incidents: [{ client: 'ZWAAN', title: 'Favicon missing in Safari', priority: 'P4', hoursAgo: 2 }],
  });
  await page.goto('/');
  await expect(incidents.row('Favicon missing in Safari')).toBeVisible();

  await host.kill();
  await expect(page.getByTestId('status-connection')).toHaveText('Engine connection lost — reconnecting…');
  await host.restart();
  await expect(page.getByTestId('status-connection')).toBeHidden();
  // A change made now reaches the page only over its new socket.
  await seed(host.url, {
    clients: [{ name: 'Gemeente Zeewolde', code: 'ZEEW' }],
    incidents: [{ client: 'ZEEW', title: 'Waste calendar unreachable', priority: 'P1', hoursAgo: 1 }],
  });
  await expect(incidents.row('Waste calendar unreachable')).toBeVisible();
});
