import { expect, test } from './fixtures';
import { seed } from './seed';

// Chromium logs each failed reconnect attempt once the host is gone.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed/] });

test('the status bar says when the engine connection drops', async ({ page, host, shell }) => {
  await seed(host.url);
  await page.goto('/');
  await expect(shell.statusBar).toContainText('No timer running');
  await expect(page.getByTestId('status-connection')).toBeHidden();

  await host.stop();
  await expect(page.getByTestId('status-connection')).toHaveText('Engine connection lost — reconnecting…');
});
