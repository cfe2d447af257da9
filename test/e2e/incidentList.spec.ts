import { expect, test } from './fixtures';
import { seed, type SeedIncident } from './seed';

const MANY = 650;

test('the list is virtualised: a long list keeps few rows in the DOM and pages in the rest', async ({ page, host, incidents }) => {
  const seeded: SeedIncident[] = Array.from({ length: MANY }, (_, i) => ({
    client: 'BULK',
    title: `Bulk incident ${String(i + 1).padStart(4, '0')}`,
    priority: 'P3',
    hoursAgo: MANY - i, // later numbers are newer
  }));
  await seed(host.url, { clients: [{ name: 'Bulk Test BV', code: 'BULK' }], incidents: seeded });

  await page.goto('/');
  await expect(incidents.count).toHaveText(`${MANY} incidents`);
  await expect(incidents.row('Bulk incident 0001')).toBeVisible();
  expect(await incidents.rows.count()).toBeLessThan(100);

  // Scrolling to the end fetches the last page on demand.
  await page
    .getByTestId('incident-list')
    .locator('.list-scroll')
    .evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
  await expect(incidents.row(`Bulk incident ${String(MANY).padStart(4, '0')}`)).toBeVisible();
  expect(await incidents.rows.count()).toBeLessThan(100);

  // Search narrows through the engine.
  await incidents.search.fill('0042');
  await expect(incidents.count).toHaveText('1 incident');
  await expect(incidents.rows).toHaveCount(1);
  // A long phrase in other case: its rarest trigram found in the index, the rest rechecked.
  await incidents.search.fill('BULK INCIDENT 0042');
  await expect(incidents.count).toHaveText('1 incident');
  await expect(incidents.row('Bulk incident 0042')).toBeVisible();
  await incidents.search.fill('bulk incident 00421');
  await expect(incidents.count).toHaveText('0 incidents');
});
