import { applyLanguage, initialLanguage, type Language, persistLanguage, readStorage, writeStorage } from '../i18n/i18n';
import type { SliceCreator } from './types';

export const ROUTES = ['incidents', 'time', 'clients', 'reports', 'oncall'] as const;
export type Route = (typeof ROUTES)[number];
export type Theme = 'light' | 'dark';
export type DialogId = 'newIncident' | 'newClient' | 'shortcuts' | 'sync';

const THEME_KEY = 'vangnet.theme';

export interface UiSlice {
  route: Route;
  language: Language;
  theme: Theme;
  /** The one modal dialog open, if any (the first-run dialog is driven by the profile instead). */
  dialog: DialogId | null;
  navigate(route: Route): void;
  setLanguage(language: Language): void;
  toggleTheme(): void;
  openDialog(dialog: DialogId): void;
  closeDialog(): void;
}

function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'incidents';
}

function initialTheme(): Theme {
  const saved = readStorage(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  route: routeFromHash(window.location.hash),
  language: initialLanguage(),
  theme: initialTheme(),
  dialog: null,
  navigate(route) {
    // The hash keeps the room across a reload, and works from file:// in Electron too.
    if (window.location.hash !== `#/${route}`) window.history.replaceState(null, '', `#/${route}`);
    set({ route });
  },
  setLanguage(language) {
    persistLanguage(language);
    set({ language });
    // The SLA explanations are data, rendered on screen: nothing to ask the engine again.
    void applyLanguage(language);
  },
  toggleTheme() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    writeStorage(THEME_KEY, theme);
    applyTheme(theme);
    set({ theme });
  },
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
});
