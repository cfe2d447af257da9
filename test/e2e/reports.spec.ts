import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { BurndownView, HoursReportView } from '../../shared/contract/reports';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { ROOT, startWebHost, type WebHost } from './webHost';

const run = promisify(execFile);

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Hours as the room writes them: one decimal at most, the language's separator and unit. */
function hoursText(minutes: number, language: 'en' | 'nl'): string {
  const n = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(Math.round(minutes / 6) / 10);
  return `${n} ${language === 'nl' ? 'u' : 'h'}`;
}

/**
 * One demo store for the file: `vangnet demo seed` fills a data folder once (a quarter of time,
 * prepaid bundles) and one web host serves it to both tests, instead of a seed and two hosts per test.
 * The tests only read it (the range is the page's state), so sharing it changes nothing they check.
 */
const demoTest = test.extend<object, { demo: WebHost }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const demo = await startWebHost({
        prepare: async (dataDir) => {
          await run(process.execPath, [
            path.join(ROOT, 'bin/vangnet.mjs'),
            '--home',
            dataDir,
            'demo',
            'seed',
            '--clients',
            '6',
            '--incidents',
            '120',
          ]);
        },
      });
      try {
        await use(demo);
      } finally {
        await demo.stop();
      }
    },
    { scope: 'worker' },
  ],
  // The page opens on the demo host: no second, empty host per test.
  host: async ({ demo }, use) => {
    await use(demo);
  },
});

demoTest.describe('the Reports room on the demo store', () => {
  // Both tests share the host: run them in one worker, in order.
  demoTest.describe.configure({ mode: 'serial' });

  demoTest(
    'shows hours per category per month and each bundle burning down, with tables of the same numbers, in both languages',
    async ({ page, shell, demo }) => {
      const engine = await EngineClient.connect(demo.url);
      let hours: HoursReportView;
      let bundles: BurndownView[];
      try {
        await engine.call('profile.set', { name: 'Sanne de Boer' });
        const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
          .format(new Date())
          .slice(0, 7);
        const [y, m] = month.split('-').map(Number) as [number, number];
        const from = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 7);
        hours = (await engine.call('reports.hoursByCategory', { from, to: month })) as HoursReportView;
        bundles = ((await engine.call('reports.bundleBurndown', {})) as { bundles: BurndownView[] }).bundles;
      } finally {
        engine.close();
      }
      await page.goto(demo.url);
      await shell.goTo('reports');
      const room = page.getByTestId('room-reports');
      await expect(room.getByTestId('hours-chart')).toBeVisible();
      await expect(room.getByTestId('hours-chart').locator('svg .recharts-bar-rectangle').first()).toBeVisible();

      // The table has the same totals as the engine's report.
      await room.getByTestId('hours-table-toggle').click();
      await expect(room.getByTestId('hours-table-toggle')).toHaveAttribute('aria-expanded', 'true');
      const raw = hours.months.reduce((s, x) => s + x.rawMinutes, 0);
      const rounded = hours.months.reduce((s, x) => s + x.roundedMinutes, 0);
      const totalRow = room.getByTestId('hours-row-total');
      await expect(totalRow.locator('td').nth(-2)).toHaveText(hoursText(raw, 'en'));
      await expect(totalRow.locator('td').nth(-1)).toHaveText(hoursText(rounded, 'en'));
      await expect(room.getByTestId('hours-summary')).toContainText(`${hoursText(rounded, 'en')} billed of ${hoursText(raw, 'en')} worked`);
      await expect(room.getByTestId('hours-row-changeRequest')).toBeVisible();

      // Every prepaid bundle has its burn-down; the tightest is just above 10 % and has passed 25 %.
      await expect(room.getByTestId('burndown')).toHaveCount(bundles.length);
      const tight = bundles.reduce((a, b) => (b.remainingPercent < a.remainingPercent ? b : a));
      expect(tight.remainingPercent).toBeGreaterThan(10);
      expect(tight.remainingPercent).toBeLessThanOrEqual(25);
      const tightCard = room
        .getByTestId('burndown')
        .filter({ hasText: `(${tight.remainingPercent} %)` })
        .first();
      await expect(tightCard.getByTestId('burndown-summary')).toContainText(`${hoursText(tight.balanceMinutes, 'en')} left`);
      await expect(tightCard.getByTestId('burndown-summary')).toContainText('Threshold reached: 25 %');
      await expect(tightCard.locator('.recharts-reference-line')).toHaveCount(tight.thresholds.length + tight.purchases.length);
      await expect(tightCard.getByText('10 %', { exact: true })).toBeVisible();
      await tightCard.getByTestId('burndown-table-toggle').click();
      await expect(tightCard.getByTestId('burndown-row')).toHaveCount(tight.points.length);
      await expect(tightCard.getByTestId('burndown-row').last().locator('td').last()).toHaveText(hoursText(tight.balanceMinutes, 'en'));
      await page.screenshot({ path: test.info().outputPath('reports-light-en.png'), fullPage: true });
      await expectAccessible(page, '[data-testid="room-reports"]');

      // Dutch: month names, decimal comma and "u"; no English left on the screen.
      await shell.setLanguage('nl');
      await expect(room.getByRole('heading', { name: 'Uren per categorie per maand' })).toBeVisible();
      await expect(totalRow.locator('td').nth(-1)).toHaveText(hoursText(rounded, 'nl'));
      await expect(room.getByTestId('hours-summary')).toContainText('gefactureerd van');
      await expect(tightCard.getByTestId('burndown-summary')).toContainText('Drempel bereikt: 25 %');
      await expect(room).not.toContainText(/Billed|Balance|Show the numbers|Prepaid bundles/);

      // Dark theme: the charts' colours change with it, and axe still finds nothing serious.
      await shell.themeToggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.screenshot({ path: test.info().outputPath('reports-dark-nl.png'), fullPage: true });
      await expectAccessible(page, '[data-testid="room-reports"]');
    },
  );

  demoTest('a range that ends before it starts says so, and a client without time says what to do', async ({ page, shell, demo }) => {
    await page.goto(demo.url);
    await shell.goTo('reports');
    const room = page.getByTestId('room-reports');
    await expect(room.getByTestId('hours-chart')).toBeVisible();
    // The month pickers speak the app's language, not the browser's: month names from the interface language.
    const fromMonth = room.getByTestId('report-from-month');
    await expect(fromMonth.locator('option').first()).toHaveText('January');
    await expect(room.getByRole('group', { name: 'From month' })).toBeVisible();
    const toYear = Number(await room.getByTestId('report-to-year').inputValue());
    await fromMonth.selectOption('01');
    await room.getByTestId('report-from-year').selectOption(String(toYear + 1));
    await expect(room.getByTestId('reports-error')).toContainText('must end in or after its first month');
    // Back to the default, then a month long before the demo quarter: an empty state that says what to do.
    await room.getByRole('button', { name: 'Last 3 months' }).click();
    await expect(room.getByTestId('reports-error')).toHaveCount(0);
    await room.getByTestId('report-from-year').selectOption('2020');
    await room.getByTestId('report-from-month').selectOption('01');
    await room.getByTestId('report-to-year').selectOption('2020');
    await room.getByTestId('report-to-month').selectOption('02');
    // Keyboard: the month select steps with the arrows, like any select.
    await room.getByTestId('report-to-month').focus();
    await page.keyboard.press('ArrowDown');
    await expect(room.getByTestId('report-to-month')).toHaveValue('03');
    await expect(room.getByTestId('hours-empty')).toContainText('log time in the Time room');
    await expectAccessible(page, '[data-testid="room-reports"]');
    await shell.setLanguage('nl');
    await expect(fromMonth.locator('option').first()).toHaveText('januari');
    await expect(room.getByRole('group', { name: 'Vanaf maand' })).toBeVisible();
    await shell.setLanguage('en');
  });
});
