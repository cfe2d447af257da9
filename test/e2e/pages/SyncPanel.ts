import type { Locator, Page } from '@playwright/test';

export interface Pairing {
  serverUrl: string;
  code: string;
  deviceName?: string;
}

/** Sync with the office server: the status-bar item, the sidebar entry and the sync panel (dialog). */
export class SyncPanel {
  /** The status bar's sync button: dot, state, live link, waiting and refused counts. */
  readonly status: Locator;
  readonly statusLabel: Locator;
  readonly statusLive: Locator;
  readonly statusPending: Locator;
  readonly statusRejected: Locator;
  readonly sidebarEntry: Locator;
  readonly dialog: Locator;
  readonly pairingForm: Locator;
  readonly pairingError: Locator;
  readonly overview: Locator;
  readonly summary: Locator;
  readonly syncNowButton: Locator;
  readonly roundResult: Locator;
  readonly rejectedChanges: Locator;
  /** The check against the server: its button, verdict and per-table rows. */
  readonly checkButton: Locator;
  readonly checkVerdict: Locator;
  readonly checkTables: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status-sync');
    this.statusLabel = page.getByTestId('status-sync-label');
    this.statusLive = page.getByTestId('status-live');
    this.statusPending = page.getByTestId('status-pending');
    this.statusRejected = page.getByTestId('status-rejected');
    this.sidebarEntry = page.getByTestId('sidebar-sync');
    this.dialog = page.getByTestId('sync-dialog');
    this.pairingForm = this.dialog.getByTestId('pairing-form');
    this.pairingError = this.dialog.getByTestId('pairing-error');
    this.overview = this.dialog.getByTestId('sync-overview');
    this.summary = this.dialog.getByTestId('sync-summary');
    this.syncNowButton = this.dialog.getByRole('button', { name: /^(Sync now|Syncing…|Nu synchroniseren|Synchroniseren…)$/ });
    this.roundResult = this.dialog.getByTestId('sync-round-result');
    this.rejectedChanges = this.dialog.getByTestId('rejected-change');
    this.checkButton = this.dialog.getByRole('button', { name: /^(Check now|Checking…|Nu controleren|Controleren…)$/ });
    this.checkVerdict = this.dialog.getByTestId('sync-check-verdict');
    this.checkTables = this.dialog.getByTestId('sync-check-table');
  }

  /** Opens the panel from the status bar. */
  async open(): Promise<void> {
    await this.status.click();
    await this.dialog.waitFor();
  }

  /** Opens the panel with the keyboard: `g` then `s`. */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('s');
    await this.dialog.waitFor();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Fills the pairing form (the panel must be open and unpaired) and submits it. */
  async submitPairing({ serverUrl, code, deviceName }: Pairing): Promise<void> {
    await this.pairingForm.getByLabel('Server address').fill(serverUrl);
    await this.pairingForm.getByLabel('Pairing code').fill(code);
    if (deviceName !== undefined) await this.pairingForm.getByLabel(/^Device name/).fill(deviceName);
    await this.pairingForm.getByRole('button', { name: 'Pair this laptop' }).click();
  }

  rejected(reason: string | RegExp): Locator {
    return this.rejectedChanges.filter({ hasText: reason });
  }
}
