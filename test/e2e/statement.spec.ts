import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'SSL certificate expired';

/** axe on one part of the page: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The billing month of an instant in Amsterdam, as the statement reads it. */
function amsterdamMonth(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).formatToParts(ms);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

test('a client’s month statement shows tickets, budget and SLA, exports a CSV that downloads, and reads in Dutch', async ({
  page,
  host,
  shell,
  clientDetail,
}, testInfo) => {
  const { clientIds, incidentIds } = await seed(host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [{ client: 'BAKK', title: TITLE, priority: 'P2', hoursAgo: 3 }],
  });
  const clientId = clientIds.BAKK!;
  const start = Date.now() - 2 * 3_600_000;
  const month = amsterdamMonth(start);
  const engine = await EngineClient.connect(host.url);
  try {
    await engine.call('contracts.set', { clientId, effectiveFrom: '2020-01-01', terms: await engine.call('contracts.template', { costModel: 'prepaid' }) });
    await engine.call('incidents.setCategory', { id: incidentIds[0]!, category: 'security' });
    await engine.call('budget.buy', { clientId, minutes: 600, purchasedOn: '2020-01-02' });
    for (let i = 0; i < 3; i += 1)
      await engine.call('time.log', { incidentId: incidentIds[0]!, startedAt: new Date(start + i * 10 * 60_000).toISOString(), minutes: 7 });
  } finally {
    engine.close();
  }

  await page.goto('/');
  await shell.goTo('clients');
  await clientDetail.open('Bakkerij de Vries');
  await clientDetail.root.getByTestId('statement-open').click();
  const panel = page.getByTestId('statement-panel');
  await panel.getByTestId('statement-month').fill(month);
  const line = panel.getByTestId('statement-support').getByTestId('statement-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(TITLE);
  await expect(line).toContainText('Security');
  await expect(line).toContainText('0:21');
  await expect(line).toContainText('0:30');
  await expect(panel.getByTestId('statement-budget')).toContainText('Balance at the end of the month');
  await expect(panel.getByTestId('statement-budget')).toContainText('9:30');
  await expect(panel.getByTestId('statement-sla')).toContainText('P2');
  await expectAccessible(page, '[data-testid="statement-panel"]');
  await page.screenshot({ path: testInfo.outputPath('statement-en.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await panel.getByTestId('statement-export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`BAKK-${month}-statement.csv`);
  const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('month,ticket,title,category,scope,engineers,entries,raw_minutes,billable_raw_minutes,rounded_minutes');
  expect(csv[1]).toBe(`${month},${incidentIds[0]},${TITLE},Security,support,Sanne de Boer,3,21,21,30`);
  await expect(panel.getByTestId('statement-status')).toHaveText(`BAKK-${month}-statement.csv downloaded`);

  const pdfDownload = page.waitForEvent('download');
  await panel.getByTestId('statement-export-pdf').click();
  const pdf = await pdfDownload;
  expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  await shell.setLanguage('nl');
  await expect(panel.getByRole('heading', { name: 'Maandoverzicht' })).toBeVisible();
  await expect(line).toContainText('Beveiliging');
  // A month without data is an empty statement, not an error.
  await panel.getByRole('button', { name: 'Vorige maand' }).click();
  await expect(panel.getByTestId('statement-empty')).toHaveText('In deze maand is geen tijd geschreven en viel geen SLA-uitkomst: een leeg overzicht.');
  await expect(panel.getByTestId('statement-support')).toHaveCount(0);
  await expectAccessible(page, '[data-testid="statement-panel"]');
  await page.screenshot({ path: testInfo.outputPath('statement-nl.png'), fullPage: true });
});
