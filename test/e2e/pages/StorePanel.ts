import type { Locator, Page } from '@playwright/test';

/** The damaged-store panel: what happened, the verified backups, "Restore this backup". */
export class StorePanel {
  readonly panel: Locator;
  readonly backups: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('store-damaged');
    this.backups = page.getByTestId('store-backup');
    this.error = page.getByTestId('store-restore-error');
  }

  heading(): Locator {
    return this.panel.getByRole('heading', { level: 2 });
  }

  async restore(index = 0): Promise<void> {
    await this.backups.nth(index).getByTestId('store-restore').click();
  }
}
