import type { Locator, Page } from '@playwright/test';

/** The clients room: table and the add-client dialog. */
export class ClientsPage {
  readonly room: Locator;
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.room = page.getByTestId('room-clients');
    this.rows = page.getByTestId('client-row');
    this.addButton = this.room.getByRole('button', { name: /^(Add client|Klant toevoegen)/ }).first();
    this.dialog = page.getByTestId('add-client-dialog');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async add(name: string, code?: string): Promise<void> {
    await this.addButton.click();
    await this.dialog.getByLabel('Name').fill(name);
    if (code) await this.dialog.getByLabel(/^Code/).fill(code);
    await this.dialog.getByRole('button', { name: 'Add client' }).click();
  }
}
