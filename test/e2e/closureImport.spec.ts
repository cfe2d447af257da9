import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';
import { seed } from './seed';

const ICAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ical');

test('closures imported from an iCal file are previewed, added to the draft and saved with the contract', async ({
  page,
  host,
  shell,
  clientDetail,
  contractEditor,
}, testInfo) => {
  const { clientIds } = await seed(host.url, { clients: [{ name: 'Bureau Noord', code: 'NOORD' }] });
  await page.goto('/');
  await shell.goTo('clients');
  await clientDetail.open('Bureau Noord');
  await clientDetail.editContractButton.click();
  await contractEditor.fromTemplate('subscription');
  await expect(contractEditor.closures).toHaveCount(0);

  // The button is reachable by keyboard, right after "Add closure".
  await contractEditor.addClosureButton.focus();
  await page.keyboard.press('Tab');
  await expect(contractEditor.importIcalButton).toBeFocused();
  await expect(contractEditor.importIcalButton).toHaveText('Import iCal…');

  // Two closures, one of them four days long; the cancelled event is named, not imported.
  await contractEditor.importIcal(path.join(ICAL, 'closures-2026.ics'));
  await expect(contractEditor.icalPreview).toContainText('2 closures to add from closures-2026.ics');
  await expect(contractEditor.icalClosures('new')).toHaveText([
    /Mon 28 Dec 2026 – Thu 31 Dec 2026\s*Kerstsluiting/,
    /Fri 12 Jun 2026, 12:00–17:30\s*Teamuitje/,
  ]);
  await expect(contractEditor.icalPreview.getByTestId('ical-notes')).toContainText(/Heidag \(afgelast\)\s*cancelled/);
  await expect(contractEditor.icalPreview).toBeFocused();
  await contractEditor.icalPreview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('ical-preview.png') });
  // Nothing is in the draft until the engineer says so.
  await expect(contractEditor.closures).toHaveCount(0);
  await contractEditor.icalPreview.getByTestId('ical-confirm').click();
  await expect(contractEditor.icalAdded).toContainText('2 closures from closures-2026.ics added. Save the contract to keep them.');
  await expect(contractEditor.closures).toHaveCount(2);
  await expect(contractEditor.closures.nth(0).getByRole('textbox', { name: /Reason/ })).toHaveValue('Kerstsluiting');
  await expect(contractEditor.closures.nth(1)).toContainText('Fri 12 Jun 2026, 12:00–17:30');
  await expect(contractEditor.importIcalButton).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('ical-added.png') });

  // The same file again adds nothing: both closures are there already.
  await contractEditor.importIcal(path.join(ICAL, 'closures-2026.ics'));
  await expect(contractEditor.icalPreview).toContainText('Nothing new in closures-2026.ics');
  await expect(contractEditor.icalPreview).toContainText('2 already in the contract, skipped');
  await expect(contractEditor.icalClosures('duplicates')).toHaveCount(2);
  await expect(contractEditor.icalPreview.getByTestId('ical-confirm')).toHaveCount(0);
  await contractEditor.icalPreview.getByTestId('ical-cancel').click();
  await expect(contractEditor.icalPreview).toBeHidden();
  await expect(contractEditor.closures).toHaveCount(2);

  await contractEditor.save();
  await expect(contractEditor.root).toBeHidden();

  const engine = await EngineClient.connect(host.url);
  try {
    const contracts = await engine.call('contracts.get', { clientId: clientIds.NOORD ?? '' });
    expect(contracts.history[0]?.terms.closures).toEqual([
      { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Kerstsluiting' },
      { kind: 'span', start: '2026-06-12T12:00:00', end: '2026-06-12T17:30:00', label: 'Teamuitje' },
    ]);
  } finally {
    engine.close();
  }

  // After a reload the saved version shows them.
  await page.reload();
  await shell.goTo('clients');
  await clientDetail.open('Bureau Noord');
  await expect(clientDetail.closures).toHaveText([
    'Kerstsluiting (Mon 28 Dec 2026 – Thu 31 Dec 2026)',
    'Teamuitje (Fri 12 Jun 2026, 12:00–17:30)',
  ]);
  await page.screenshot({ path: testInfo.outputPath('contract-closures.png') });
});

test('a file that is not a calendar, or has no events, is refused with a translated error and changes nothing', async ({
  page,
  host,
  shell,
  clientDetail,
  contractEditor,
}, testInfo) => {
  await seed(host.url, { clients: [{ name: 'Bureau Noord', code: 'NOORD' }] });
  await page.goto('/');
  await shell.goTo('clients');
  await clientDetail.open('Bureau Noord');
  await clientDetail.editContractButton.click();
  await contractEditor.fromTemplate('subscription');
  await contractEditor.addClosureButton.click();
  await expect(contractEditor.closures).toHaveCount(1);

  await contractEditor.icalFile.setInputFiles(path.join(ICAL, 'not-a-calendar.ics'));
  await expect(contractEditor.icalError).toContainText('not-a-calendar.ics is not an iCal calendar');
  await expect(contractEditor.icalError).toContainText('Nothing in the contract has changed.');
  await expect(contractEditor.icalPreview).toHaveCount(0);
  await expect(contractEditor.closures).toHaveCount(1);

  // In Dutch, and for a calendar without events.
  await shell.setLanguage('nl');
  await expect(contractEditor.importIcalButton).toHaveText('iCal importeren…');
  await expect(contractEditor.icalError).toContainText('not-a-calendar.ics is geen iCal-agenda');
  await contractEditor.icalFile.setInputFiles(path.join(ICAL, 'empty.ics'));
  await expect(contractEditor.icalError).toContainText('Geen sluitingen gevonden in empty.ics');
  await expect(contractEditor.icalError).toContainText('Er is niets aan het contract veranderd.');
  await page.screenshot({ path: testInfo.outputPath('ical-error-nl.png') });
  await expect(contractEditor.closures).toHaveCount(1);
  await contractEditor.icalError.getByRole('button', { name: 'Sluiten' }).click();
  await expect(contractEditor.icalError).toBeHidden();
});
