import { expect, test } from './fixtures';
import { seed } from './seed';

// The engine answers with message keys and issue codes; a Dutch screen shows them in Dutch
// (shared/messages/nl.ts), with no English text of the engine's on it.
test.describe('a Dutch screen', () => {
  test.use({ locale: 'nl-NL' });

  test('shows refusals and field errors in Dutch, and keeps what was typed', async ({ page, host, clients, incidents, shell }) => {
    await seed(host.url, { clients: [{ name: 'Van Dijk Advocaten', code: 'VDA' }] });
    await page.goto('/');

    await shell.goTo('clients');
    await clients.addButton.click();
    await clients.dialog.getByLabel('Naam').fill('Van Dijk Notarissen');
    await clients.dialog.getByLabel(/^Code/).fill('VDA');
    await clients.dialog.getByRole('button', { name: 'Klant toevoegen' }).click();
    const clientAlert = clients.dialog.getByRole('alert');
    await expect(clientAlert).toContainText('Klantcode VDA is al in gebruik bij Van Dijk Advocaten');
    await expect(clients.dialog.getByTestId('client-code-error')).toHaveText('is al in gebruik bij Van Dijk Advocaten');
    await expect(clientAlert).not.toContainText('already');
    await expect(clients.dialog.getByLabel('Naam')).toHaveValue('Van Dijk Notarissen');
    await page.keyboard.press('Escape');

    await shell.goTo('incidents');
    await incidents.newButton.click();
    await incidents.dialog.locator('#incident-client').selectOption({ label: 'Van Dijk Advocaten (VDA)' });
    await incidents.dialog.locator('#incident-title').fill('   ');
    await incidents.dialog.locator('#incident-description').fill('Deze tekst blijft staan');
    await incidents.dialog.locator('button[type="submit"]').click();
    const alert = incidents.dialog.getByRole('alert');
    await expect(alert).toContainText('Controleer de gemarkeerde velden');
    await expect(alert).toContainText('Ongeldige invoer: controleer de gemarkeerde velden (title)');
    await expect(alert).not.toContainText(/Invalid|must/);
    await expect(incidents.dialog.getByTestId('incident-title-error')).toHaveText('mag niet leeg zijn');
    await expect(incidents.dialog.locator('#incident-description')).toHaveValue('Deze tekst blijft staan');
  });
});
