import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const TITLE = 'Webshop down after the 09:00 deploy';

test('a P1 under an all-in contract made in the UI counts down in the list and its SLA filters find it', async ({
  page,
  host,
  shell,
  clients,
  clientDetail,
  contractEditor,
  incidents,
}) => {
  await seed(host.url, { engineer: 'Sanne de Boer' });
  await page.goto('/');
  await shell.goTo('clients');
  await clients.add('Drukkerij Peters', 'DRUK');
  await expect(clients.dialog).toBeHidden();

  // The client: no contract yet, a platform added.
  await clientDetail.open('Drukkerij Peters');
  await expect(clientDetail.contractNone).toBeVisible();
  await clientDetail.addPlatform({
    name: 'Webshop',
    url: 'https://shop.drukkerij-peters.nl',
    stack: 'Shopware 6',
    environments: 'production, staging',
  });
  await expect(clientDetail.platforms).toHaveCount(1);
  await expect(clientDetail.platforms.first()).toContainText('Webshop');
  await expect(clientDetail.platforms.first()).toContainText('staging');

  // A contract from the all-in template: P1 counts around the clock.
  await clientDetail.editContractButton.click();
  await contractEditor.fromTemplate('all_in');
  await expect(contractEditor.targetMinutes('P1', 'response')).toHaveValue('15');
  await expect(contractEditor.targetMinutes('P1', 'resolution')).toHaveValue('240');
  await contractEditor.save();
  await expect(contractEditor.root).toBeHidden();
  await expect(clientDetail.costModel).toHaveText('All-in');
  await expect(clientDetail.versions).toHaveCount(1);

  // A P1: both chips count down in the list, second by second.
  await shell.goTo('incidents');
  await incidents.submitNew({ client: 'Drukkerij Peters (DRUK)', title: TITLE, priority: 'P1' });
  await expect(incidents.dialog).toBeHidden();
  // At risk from the start: the 15-minute warning lead is as long as the 15-minute target.
  await expect(incidents.chip(TITLE, 'response')).toHaveAttribute('data-state', 'at_risk');
  await expect(incidents.chip(TITLE, 'resolution')).toHaveAttribute('data-state', 'ok');
  await expect(incidents.chipText(TITLE, 'response')).toHaveText(/^1[45] m \d\d s$/);
  const before = await incidents.chipText(TITLE, 'response').textContent();
  await expect.poll(() => incidents.chipText(TITLE, 'response').textContent()).not.toBe(before);
  await expect(incidents.chipText(TITLE, 'resolution')).toHaveText(/^[34] h \d\d m$/);

  // The SLA toggles narrow the list through the engine: at risk yes, breached not (yet).
  await page.getByTestId('filter-sla-at_risk').click();
  await expect(incidents.count).toHaveText('1 incident');
  await page.getByTestId('filter-sla-breached').click();
  await expect(page.getByTestId('incident-list-empty')).toContainText('No incidents match these filters');
  await page.getByTestId('filter-sla-breached').click();
  await expect(incidents.row(TITLE)).toBeVisible();
});

/** A client under the all-in template with a fresh P1, made through the engine. */
async function allInP1(hostUrl: string): Promise<void> {
  const { clientIds } = await seed(hostUrl, { engineer: 'Sanne de Boer', clients: [{ name: 'Drukkerij Peters', code: 'DRUK' }] });
  const engine = await EngineClient.connect(hostUrl);
  try {
    const clientId = clientIds.DRUK!;
    await engine.call('contracts.set', { clientId, terms: await engine.call('contracts.template', { costModel: 'all_in' }) });
    await engine.call('incidents.create', { clientId, title: TITLE, priority: 'P1' });
  } finally {
    engine.close();
  }
}

test('the P1 pauses while waiting on the client, runs again, and a reply meets its response target', async ({
  page,
  host,
  shell,
  incidents,
}) => {
  await allInP1(host.url);
  await page.goto('/');
  await shell.goTo('incidents');
  await incidents.open(TITLE);

  // The detail shows the clocks large, with the target and the engine's explanation.
  await expect(incidents.clock('response')).toHaveAttribute('data-state', 'at_risk');
  await expect(incidents.clock('response')).toContainText('Target 15 m · around the clock');
  await expect(incidents.clock('resolution').getByTestId('clock-explanation')).toContainText('4 h');

  // Waiting on the client stops the resolution clock: grey, "paused", not ticking.
  await incidents.setStatus('waiting_on_client');
  await expect(incidents.chip(TITLE, 'resolution')).toHaveAttribute('data-state', 'paused');
  await expect(incidents.chipText(TITLE, 'resolution')).toHaveText('paused');
  await expect(incidents.clock('resolution')).toHaveAttribute('data-state', 'paused');
  await expect(incidents.statusButton('in_progress')).toHaveText('Resume work');

  // Back to work: the clock runs again.
  await incidents.setStatus('in_progress');
  await expect(incidents.chip(TITLE, 'resolution')).toHaveAttribute('data-state', 'ok');
  await expect(incidents.chipText(TITLE, 'resolution')).toHaveText(/ h \d\d m$/);
  const resumed = await incidents.chipText(TITLE, 'response').textContent();
  await expect.poll(() => incidents.chipText(TITLE, 'response').textContent()).not.toBe(resumed);

  // An empty reply is refused in the composer itself.
  await incidents.composer.getByTestId('composer-send').click();
  await expect(incidents.composer.getByTestId('composer-error')).toContainText('must not be empty');
  await expect(incidents.composer.getByTestId('composer-body')).toHaveAttribute('aria-invalid', 'true');

  // A reply to the client meets the response target; a note stays internal. Both are in the activity.
  await incidents.write('reply', 'We are on it; next update within the hour.');
  await expect(incidents.chip(TITLE, 'response')).toHaveAttribute('data-state', 'met');
  await incidents.write('note', 'Rolled back release 4.12.');
  await expect(incidents.composer.getByTestId('composer-body')).toHaveValue('');
  await expect(incidents.timelineEntries).toHaveText([
    /Sanne de Boer changed the status from New to Waiting on client/,
    /Sanne de Boer changed the status from Waiting on client to In progress/,
    /Sanne de Boer replied to the client.*next update within the hour/,
    /Sanne de Boer added an internal note.*Rolled back release 4\.12/,
  ]);

  // The explanations follow the language.
  await shell.setLanguage('nl');
  await expect(incidents.clock('resolution').getByTestId('clock-explanation')).toContainText('uiterlijk');
  await expect(incidents.clock('response')).toContainText('Gehaald');
});

test('the contract editor previews a week and answers what-if; inverted hours are refused and nothing is saved', async ({
  page,
  host,
  shell,
  clientDetail,
  contractEditor,
}) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Gemeente Zeewolde', code: 'ZEEW' }] });
  await page.goto('/');
  await shell.goTo('clients');
  await clientDetail.open('Gemeente Zeewolde');
  await clientDetail.editContractButton.click();
  await expect(contractEditor.root).toBeVisible();
  await contractEditor.fromTemplate('subscription');
  await expect(contractEditor.targetMinutes('P2', 'response')).toHaveValue('120');

  // The week of Christmas: Thursday is worked, Friday 25 December is a public holiday.
  await contractEditor.showWeekOf('2026-12-21');
  await expect(contractEditor.weekDay('2026-12-25')).toHaveAttribute('data-closed', 'holiday');
  await expect(contractEditor.weekDay('2026-12-24').getByTestId('week-block')).toHaveCount(1);
  await expect(contractEditor.weekDay('2026-12-24')).toContainText('08:30–17:30');

  // Reported on Friday at 16:55 as P2: two business hours run into Monday morning.
  await contractEditor.askWhatIf('2026-12-18T16:55', 'P2');
  await expect(contractEditor.whatIfResponse.getByTestId('what-if-due')).toHaveText('Mon 21 Dec, 09:55');
  await expect(contractEditor.whatIfResponse).toContainText('2 business hours');
  await expect(contractEditor.whatIfResolution.getByTestId('what-if-due')).toHaveText('Tue 22 Dec, 16:55');

  // Monday from 17:00 to 09:00 is refused at Monday's row; the editor keeps everything.
  await contractEditor.setHours('mon', '17:00', '09:00');
  await contractEditor.save();
  await expect(contractEditor.saveError).toContainText('Check the highlighted fields');
  await expect(contractEditor.hoursError('mon')).toContainText('17:00–09:00 ends before it starts');
  await expect(contractEditor.root).toBeVisible();
  await expect(contractEditor.targetMinutes('P2', 'response')).toHaveValue('120');

  const engine = await EngineClient.connect(host.url);
  try {
    const contracts = await engine.call('contracts.get', { clientId: clientIds.ZEEW ?? '' });
    expect(contracts.history).toHaveLength(0);
  } finally {
    engine.close();
  }

  // Fixed, it saves as the first version.
  await contractEditor.setHours('mon', '8:30', '17:30');
  await contractEditor.save();
  await expect(contractEditor.root).toBeHidden();
  await expect(clientDetail.costModel).toHaveText('Subscription');
  await expect(clientDetail.versions).toHaveCount(1);
});
