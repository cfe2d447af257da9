import type { Locator, Page } from '@playwright/test';
import type { Priority } from '../../../shared/domain/incident';

export interface NewIncident {
  client?: string; // visible option label, e.g. "Bakkerij de Vries (BAKK)"
  title?: string;
  description?: string;
  priority?: Priority;
}

/** The incidents room: list, filters, new-incident dialog and detail pane. */
export class IncidentsPage {
  readonly room: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly newButton: Locator;
  readonly dialog: Locator;
  readonly detail: Locator;
  readonly auditEntries: Locator;

  constructor(readonly page: Page) {
    this.room = page.getByTestId('room-incidents');
    this.list = page.getByTestId('incident-list');
    this.rows = page.getByTestId('incident-row');
    this.count = this.room.getByTestId('room-count');
    this.search = this.room.getByTestId('search');
    this.newButton = this.room.getByRole('button', { name: /^(New incident|Nieuw incident)/ }).first();
    this.dialog = page.getByTestId('new-incident-dialog');
    this.detail = page.getByTestId('incident-detail');
    this.auditEntries = this.detail.getByTestId('audit-entry');
  }

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ hasText: title });
  }

  /** Opens the dialog, fills what is given and submits; the caller checks the outcome. */
  async submitNew(incident: NewIncident): Promise<void> {
    await this.newButton.click();
    await this.dialog.waitFor();
    if (incident.client) await this.dialog.getByLabel('Client').selectOption({ label: incident.client });
    if (incident.title !== undefined) await this.dialog.getByLabel('Title').fill(incident.title);
    if (incident.description !== undefined) await this.dialog.getByLabel(/^Description/).fill(incident.description);
    if (incident.priority) await this.dialog.getByRole('radio', { name: new RegExp(`^${incident.priority} `) }).check();
    await this.dialog.getByRole('button', { name: 'Create incident' }).click();
  }

  async open(title: string): Promise<void> {
    await this.row(title).click();
    await this.detail.getByTestId('detail-title').waitFor();
  }

  async editPriority(priority: Priority): Promise<void> {
    await this.detail.getByRole('button', { name: 'Edit' }).click();
    const form = this.detail.getByTestId('incident-edit-form');
    await form.getByRole('radio', { name: new RegExp(`^${priority} `) }).check();
    await form.getByRole('button', { name: 'Save' }).click();
  }
}
