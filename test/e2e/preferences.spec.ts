import { expect, test } from './fixtures';
import { seed } from './seed';

test.describe('a Dutch browser in dark mode', () => {
  test.use({ locale: 'nl-NL', colorScheme: 'dark' });

  test('starts in Dutch and dark, and the theme toggle is remembered', async ({ page, shell }) => {
    await page.goto('/');
    await expect(shell.firstRunDialog.getByRole('heading', { name: 'Welkom bij Vangnet' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shell.completeFirstRun('Femke Jansen');
    await expect(shell.navLink('incidents')).toHaveText(/Incidenten/);

    await shell.themeToggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(shell.themeToggle).toHaveAccessibleName('Donker thema gebruiken');
  });
});

test('an English browser in light mode starts in English and light', async ({ page, host, shell }) => {
  await seed(host.url);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(shell.roomHeading()).toHaveText('Incidents');
});
