import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const PROBE = 'Probe: when does a P2 turn amber';
const TITLE = 'Checkout times out for logged-in customers';

/**
 * The web host's side of the Notifier seam: an SLA alert from the engine becomes an in-page banner
 * (in Electron main shows a native notification instead). The incident is opened just far enough
 * in the past that its response clock turns amber a few seconds into the test.
 */
test('a clock turning amber shows a Dutch banner that opens the incident from the keyboard', async ({ page, host, incidents }) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Drukkerij Peters', code: 'DRUK' }] });
  const clientId = clientIds.DRUK!;
  const engine = await EngineClient.connect(host.url);
  try {
    await engine.call('contracts.set', { clientId, terms: await engine.call('contracts.template', { costModel: 'all_in' }) });
    // How long after opening an all-in P2's response turns amber, read from the engine itself.
    const probe = await engine.call('incidents.create', { clientId, title: PROBE, priority: 'P2' });
    const amberAfterMs = Date.parse(probe.sla!.response.atRiskAt!) - Date.parse(probe.openedAt);

    // A Dutch screen from the first paint (the language setting, as the UI stores it).
    await page.addInitScript(() => window.localStorage.setItem('vangnet.language', 'nl'));
    await page.goto('/');
    await expect(incidents.row(PROBE)).toBeVisible();
    await expect(page.getByTestId('sla-alerts')).toBeHidden();

    const openedAt = new Date(Date.now() - amberAfterMs + 3_000).toISOString();
    await engine.call('incidents.create', { clientId, title: TITLE, priority: 'P2', openedAt });
  } finally {
    engine.close();
  }

  const banner = page.getByTestId('sla-alert');
  await expect(banner).toHaveCount(1);
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toHaveAttribute('data-kind', 'at_risk');
  await expect(banner).toContainText(`SLA loopt gevaar: P2 DRUK ${TITLE}`);

  // Keyboard only: "Openen" shows the incident and the banner goes.
  await banner.getByRole('button', { name: 'Openen' }).focus();
  await page.keyboard.press('Enter');
  await expect(incidents.detail.getByTestId('detail-title')).toHaveText(TITLE);
  await expect(page.getByTestId('sla-alerts')).toBeHidden();
});
