import type { Locator, Page } from '@playwright/test';

export type Room = 'incidents' | 'time' | 'clients' | 'reports' | 'oncall';

/** The frame around every room: first-run dialog, sidebar, language and theme, status bar. */
export class AppShell {
  readonly firstRunDialog: Locator;
  readonly sidebar: Locator;
  readonly statusBar: Locator;
  readonly languageSelect: Locator;
  readonly themeToggle: Locator;
  readonly profileName: Locator;

  constructor(readonly page: Page) {
    this.firstRunDialog = page.getByTestId('first-run-dialog');
    this.sidebar = page.getByTestId('sidebar');
    this.statusBar = page.getByTestId('status-bar');
    this.languageSelect = page.getByTestId('language-select');
    this.themeToggle = page.getByTestId('theme-toggle');
    this.profileName = page.getByTestId('profile-name');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.sidebar.waitFor();
  }

  async completeFirstRun(name: string): Promise<void> {
    await this.firstRunDialog.getByRole('textbox').fill(name);
    await this.firstRunDialog
      .getByRole('button')
      .filter({ hasText: /Start|Beginnen/ })
      .click();
  }

  navLink(room: Room): Locator {
    return this.page.getByTestId(`nav-${room}`);
  }

  async goTo(room: Room): Promise<void> {
    await this.navLink(room).click();
  }

  async setLanguage(language: 'nl' | 'en'): Promise<void> {
    await this.languageSelect.selectOption(language);
  }

  roomHeading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
