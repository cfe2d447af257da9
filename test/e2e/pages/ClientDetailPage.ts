import type { Locator, Page } from '@playwright/test';

export interface NewPlatform {
  name: string;
  url?: string;
  stack?: string;
  environments?: string;
}

/** A client opened in the Clients room: its contract card (summary, versions) and its platforms. */
export class ClientDetailPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly contractCard: Locator;
  readonly contractNone: Locator;
  readonly contractSummary: Locator;
  readonly costModel: Locator;
  readonly versions: Locator;
  readonly closures: Locator;
  readonly editContractButton: Locator;
  readonly platformsCard: Locator;
  readonly platforms: Locator;
  readonly platformForm: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('client-detail');
    this.name = this.root.getByTestId('client-name');
    this.contractCard = this.root.getByTestId('contract-card');
    this.contractNone = this.contractCard.getByTestId('contract-none');
    this.contractSummary = this.contractCard.getByTestId('contract-summary');
    this.costModel = this.contractCard.getByTestId('contract-cost-model');
    this.versions = this.contractCard.getByTestId('contract-version');
    this.closures = this.contractSummary.getByTestId('contract-closure');
    this.editContractButton = this.contractCard.getByTestId('contract-edit');
    this.platformsCard = this.root.getByTestId('platforms-card');
    this.platforms = this.platformsCard.getByTestId('platform');
    this.platformForm = this.platformsCard.getByTestId('platform-form');
  }

  /** Opens a client from the clients table by its name. */
  async open(clientName: string): Promise<void> {
    await this.page.getByTestId('client-row').filter({ hasText: clientName }).getByTestId('client-open').click();
    await this.name.waitFor();
  }

  async addPlatform(platform: NewPlatform): Promise<void> {
    await this.platformsCard.getByTestId('platform-add').click();
    await this.platformForm.getByLabel(/^Name/).fill(platform.name);
    if (platform.url !== undefined) await this.platformForm.getByLabel(/^Address/).fill(platform.url);
    if (platform.stack !== undefined) await this.platformForm.getByLabel(/^Stack/).fill(platform.stack);
    if (platform.environments !== undefined) await this.platformForm.getByLabel(/^Environments/).fill(platform.environments);
    await this.platformForm.getByRole('button', { name: 'Add platform' }).click();
  }

  async back(): Promise<void> {
    await this.root.getByRole('button', { name: /All clients|Alle klanten/ }).click();
  }
}
