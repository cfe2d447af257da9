import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { useStore } from '../store/store';
import { ROUTES } from '../store/uiSlice';
import { Icon } from './Icon';
import { SidebarSyncEntry } from './sync/SidebarSyncEntry';

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

/** Rooms on the left, who you are and your display preferences at the bottom. */
export function Sidebar() {
  const { t } = useTranslation();
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const profileName = useStore((s) => s.profile?.name);
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  const theme = useStore((s) => s.theme);
  const toggleTheme = useStore((s) => s.toggleTheme);
  const openDialog = useStore((s) => s.openDialog);

  return (
    <aside className="sidebar" data-testid="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </div>

      <nav className="nav" aria-label={t('nav.label')}>
        <ul>
          {ROUTES.map((r, i) => (
            <li key={r}>
              <a
                href={`#/${r}`}
                className="nav-link"
                aria-current={route === r ? 'page' : undefined}
                aria-keyshortcuts={`Control+${i + 1}`}
                data-testid={`nav-${r}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(r);
                }}
              >
                <Icon name={r} />
                <span className="nav-label">{t(`nav.${r}`)}</span>
                <kbd aria-hidden="true">{i + 1}</kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="sidebar-footer">
        <SidebarSyncEntry />
        {profileName ? (
          <div className="who" title={t('settings.signedInAs', { name: profileName })} data-testid="profile-name">
            <span className="avatar" aria-hidden="true">
              {initials(profileName)}
            </span>
            <span className="who-name">{profileName}</span>
          </div>
        ) : null}
        <div className="prefs">
          <label className="visually-hidden" htmlFor="language-select">
            {t('settings.language')}
          </label>
          <select
            id="language-select"
            className="select select-compact"
            value={language}
            data-testid="language-select"
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={theme === 'dark' ? t('settings.switchToLight') : t('settings.switchToDark')}
            title={theme === 'dark' ? t('settings.switchToLight') : t('settings.switchToDark')}
            data-testid="theme-toggle"
            onClick={toggleTheme}
          >
            <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={t('shortcuts.open')}
            title={t('shortcuts.open')}
            aria-keyshortcuts="?"
            onClick={() => openDialog('shortcuts')}
          >
            <Icon name="keyboard" />
          </button>
        </div>
      </div>
    </aside>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
