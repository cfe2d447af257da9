import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { type OfficeServer, startOfficeServer } from './officeServer';
import { AppShell } from './pages/AppShell';
import { ClientDetailPage } from './pages/ClientDetailPage';
import { ClientsPage } from './pages/ClientsPage';
import { ContractEditorPage } from './pages/ContractEditorPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { SyncPanel } from './pages/SyncPanel';
import { startWebHost, type WebHost } from './webHost';

interface Options {
  /** Console errors a test expects (e.g. failed reconnects after it stopped the host). */
  allowedConsoleErrors: RegExp[];
}

/** One engineer's laptop: its own web host and data folder, and a browser page on it. */
export interface Laptop {
  host: WebHost;
  page: Page;
  shell: AppShell;
  incidents: IncidentsPage;
  clients: ClientsPage;
  sync: SyncPanel;
}

interface Fixtures {
  /** Console errors and uncaught exceptions in the page; a test fails if any are left unexpected. */
  pageErrors: string[];
  /** This test's own web host and data folder; gone when the test ends. */
  host: WebHost;
  shell: AppShell;
  incidents: IncidentsPage;
  clients: ClientsPage;
  clientDetail: ClientDetailPage;
  contractEditor: ContractEditorPage;
  /** This test's own office server (SQLite in a fresh data folder, a port the OS picks). */
  office: OfficeServer;
  /** The default page and host, as the first of two laptops. */
  laptopA: Laptop;
  /** A second web host with its own data folder, in a browser context of its own. */
  laptopB: Laptop;
}

/** Collects console errors and uncaught exceptions from a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

function expectNoUnexpectedErrors(errors: string[], allowed: RegExp[], what: string): void {
  // A CSP violation or a React warning shows up here before it shows up anywhere else.
  const unexpected = errors.filter((e) => !allowed.some((a) => a.test(e)));
  expect(unexpected, what).toEqual([]);
}

async function attachLogOnFailure(testInfo: TestInfo, name: string, log: () => string): Promise<void> {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach(name, { body: log(), contentType: 'text/plain' });
}

export const test = base.extend<Options & Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  host: async ({}, use, testInfo) => {
    const host = await startWebHost();
    try {
      await use(host);
    } finally {
      await attachLogOnFailure(testInfo, 'web-host.log', host.log);
      await host.stop();
    }
  },
  pageErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors = watchErrors(page);
      await use(errors);
      expectNoUnexpectedErrors(errors, allowedConsoleErrors, 'errors in the browser console');
    },
    { auto: true },
  ],
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
  incidents: async ({ page }, use) => {
    await use(new IncidentsPage(page));
  },
  clients: async ({ page }, use) => {
    await use(new ClientsPage(page));
  },
  clientDetail: async ({ page }, use) => {
    await use(new ClientDetailPage(page));
  },
  contractEditor: async ({ page }, use) => {
    await use(new ContractEditorPage(page));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  office: async ({}, use, testInfo) => {
    const office = await startOfficeServer();
    try {
      await use(office);
    } finally {
      await attachLogOnFailure(testInfo, 'office-server.log', office.log);
      await office.dispose();
    }
  },
  laptopA: async ({ host, page, shell, incidents, clients }, use) => {
    await use({ host, page, shell, incidents, clients, sync: new SyncPanel(page) });
  },
  laptopB: async ({ browser, viewport, locale, timezoneId, allowedConsoleErrors }, use, testInfo) => {
    const host = await startWebHost();
    // browser.newContext() does not take the project's `use` options by itself; pass the ones that matter.
    const context = await browser.newContext({ baseURL: host.url, viewport, locale, timezoneId });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await use({
        host,
        page,
        shell: new AppShell(page),
        incidents: new IncidentsPage(page),
        clients: new ClientsPage(page),
        sync: new SyncPanel(page),
      });
      expectNoUnexpectedErrors(errors, allowedConsoleErrors, 'errors in the browser console of laptop B');
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('laptop-b.png', { body: await page.screenshot().catch(() => Buffer.alloc(0)), contentType: 'image/png' });
      }
      await attachLogOnFailure(testInfo, 'web-host-b.log', host.log);
      await context.close();
      await host.stop();
    }
  },
});

export { expect };
