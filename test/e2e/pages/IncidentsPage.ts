import type { Locator, Page } from '@playwright/test';
import type { IncidentStatus, Priority } from '../../../shared/domain/incident';

export type ClockName = 'response' | 'resolution';

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
  readonly timelineEntries: Locator;
  readonly composer: Locator;
  readonly actionError: Locator;

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
    this.timelineEntries = this.detail.getByTestId('timeline-entry');
    this.composer = this.detail.getByTestId('composer');
    this.actionError = this.detail.getByTestId('action-error');
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

  /** A row's SLA chip; its `data-state` says ok, at_risk, breached, paused, met or none. */
  chip(title: string, clock: ClockName): Locator {
    return this.row(title).getByTestId(`sla-${clock}`);
  }

  /** The text a chip shows, e.g. "14 m 05 s", "−25 m", "paused". */
  chipText(title: string, clock: ClockName): Locator {
    return this.chip(title, clock).getByTestId('sla-chip-text');
  }

  /** A big clock in the detail pane. */
  clock(clock: ClockName): Locator {
    return this.detail.getByTestId(`clock-${clock}`);
  }

  /** The status button that moves the open incident to `to` (Acknowledge, Wait on client, Reopen…). */
  statusButton(to: IncidentStatus): Locator {
    return this.detail.getByTestId(`action-${to}`);
  }

  async setStatus(to: IncidentStatus): Promise<void> {
    await this.statusButton(to).click();
  }

  /** Writes and sends a reply to the client, or an internal note. */
  async write(mode: 'reply' | 'note', body: string): Promise<void> {
    await this.composer
      .getByRole('radio', { name: mode === 'reply' ? /Reply to client|Antwoord aan klant/ : /Internal note|Interne notitie/ })
      .check();
    await this.composer.getByTestId('composer-body').fill(body);
    await this.composer.getByTestId('composer-send').click();
  }
}
