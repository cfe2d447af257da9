import { test as base, expect } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { ClientsPage } from './pages/ClientsPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { startWebHost, type WebHost } from './webHost';

interface Options {
  /** Console errors a test expects (e.g. failed reconnects after it stopped the host). */
  allowedConsoleErrors: RegExp[];
}

interface Fixtures {
  /** Console errors and uncaught exceptions in the page; a test fails if any are left unexpected. */
  pageErrors: string[];
  /** This test's own web host and data folder; gone when the test ends. */
  host: WebHost;
  shell: AppShell;
  incidents: IncidentsPage;
  clients: ClientsPage;
}

export const test = base.extend<Options & Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  host: async ({}, use, testInfo) => {
    const host = await startWebHost();
    try {
      await use(host);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('web-host.log', { body: host.log(), contentType: 'text/plain' });
      }
      await host.stop();
    }
  },
  pageErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await use(errors);
      // A CSP violation or a React warning shows up here before it shows up anywhere else.
      const unexpected = errors.filter((e) => !allowedConsoleErrors.some((allowed) => allowed.test(e)));
      expect(unexpected, 'errors in the browser console').toEqual([]);
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
});

export { expect };
