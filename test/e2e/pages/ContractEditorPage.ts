import type { Locator, Page } from '@playwright/test';
import type { CostModel } from '../../../shared/domain/contract';
import type { Priority } from '../../../shared/domain/incident';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The contract editor: templates, terms, business hours, closures and their iCal import, targets, the week view and the what-if. */
export class ContractEditorPage {
  readonly root: Locator;
  readonly saveButton: Locator;
  readonly saveError: Locator;
  readonly weekPreview: Locator;
  readonly weekDays: Locator;
  readonly whatIf: Locator;
  readonly whatIfReported: Locator;
  readonly whatIfPriority: Locator;
  readonly whatIfResponse: Locator;
  readonly whatIfResolution: Locator;
  readonly closures: Locator;
  readonly addClosureButton: Locator;
  readonly importIcalButton: Locator;
  readonly icalFile: Locator;
  readonly icalPreview: Locator;
  readonly icalError: Locator;
  readonly icalAdded: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('contract-editor');
    this.saveButton = this.root.getByTestId('contract-save');
    this.saveError = this.root.getByTestId('contract-save-error');
    this.weekPreview = this.root.getByTestId('week-preview');
    this.weekDays = this.weekPreview.getByTestId('week-day');
    this.whatIf = this.root.getByTestId('what-if');
    this.whatIfReported = this.whatIf.getByTestId('what-if-reported');
    this.whatIfPriority = this.whatIf.getByTestId('what-if-priority');
    this.whatIfResponse = this.whatIf.getByTestId('what-if-response');
    this.whatIfResolution = this.whatIf.getByTestId('what-if-resolution');
    this.closures = this.root.getByTestId('closure');
    this.addClosureButton = this.root.getByTestId('closure-add');
    this.importIcalButton = this.root.getByTestId('ical-import');
    this.icalFile = this.root.getByTestId('ical-file');
    this.icalPreview = this.root.getByTestId('ical-preview');
    this.icalError = this.root.getByTestId('ical-error');
    this.icalAdded = this.root.getByTestId('ical-added');
  }

  /** Fills the editor with a cost model's template and waits until it has arrived. */
  async fromTemplate(costModel: CostModel): Promise<void> {
    await this.root.getByTestId(`template-${costModel}`).click();
    await this.root.locator('[data-testid="template-picker"][aria-busy="false"]').waitFor();
  }

  hoursRow(day: Weekday): Locator {
    return this.root.getByTestId(`hours-${day}`);
  }

  hoursError(day: Weekday): Locator {
    return this.root.getByTestId(`hours-${day}-error`);
  }

  /** Sets a weekday's first block of business hours, as typed. */
  async setHours(day: Weekday, from: string, until: string): Promise<void> {
    const row = this.hoursRow(day);
    await row
      .getByRole('textbox', { name: /: (From|Van)$/ })
      .first()
      .fill(from);
    await row
      .getByRole('textbox', { name: /: (Until|Tot)$/ })
      .first()
      .fill(until);
  }

  targetMinutes(priority: Priority, clock: 'response' | 'resolution'): Locator {
    return this.root.getByTestId(`target-${priority}-${clock}-minutes`);
  }

  weekDay(date: string): Locator {
    return this.weekPreview.locator(`[data-testid="week-day"][data-date="${date}"]`);
  }

  async showWeekOf(date: string): Promise<void> {
    await this.weekPreview.getByTestId('week-of').fill(date);
  }

  /** "Reported at … as P…": `reportedAt` is `YYYY-MM-DDTHH:mm` in the contract's time zone. */
  async askWhatIf(reportedAt: string, priority: Priority): Promise<void> {
    await this.whatIfReported.fill(reportedAt);
    await this.whatIfPriority.selectOption(priority);
  }

  /** Chooses an .ics file the way a person does: the import button opens the file picker. */
  async importIcal(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importIcalButton.click();
    await (await chooser).setFiles(file);
  }

  /** The closures a previewed import would add (`ical-new`) or leave out as already there (`ical-duplicates`). */
  icalClosures(list: 'new' | 'duplicates'): Locator {
    return this.icalPreview.getByTestId(`ical-${list}`).getByTestId('ical-closure');
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
