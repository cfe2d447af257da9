import path from 'node:path';
import { BrowserWindow } from 'electron';
import { logger } from '../../core/log';
import { APP_ENTRY_URL, ICONS_DIR, PRELOAD_FILE } from './appUrl';

const log = logger('electron-window');

/** A renderer that crashes again this soon after a reload is left alone, not reloaded in a loop. */
const RELOAD_GUARD_MS = 10_000;

export interface MainWindowOptions {
  devServer: URL | null;
  /** Closing the window hides it to the tray unless the app is quitting. */
  isQuitting(): boolean;
  /** The page finished loading (first time or again): time to hand it an engine port. */
  onPageLoaded(win: BrowserWindow): void;
}

/**
 * The one window. Its page is untrusted by design: no Node, a sandboxed renderer, isolated from
 * the preload's world, and only `window.vangnet` (one object of named calls) between it and the
 * engine. If the page is ever compromised (a crafted incident description, say), that is all it
 * can reach.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    title: 'Vangnet',
    // Painted before the page, so a dark OS theme does not flash white; shown when ready.
    backgroundColor: '#f8fafc',
    show: false,
    icon: path.join(ICONS_DIR, 'icon.png'),
    webPreferences: {
      preload: PRELOAD_FILE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  win.once('ready-to-show', () => win.show());

  win.on('close', (event) => {
    // Support engineers close the window but expect SLA warnings and the on-call alarm to keep
    // running: hide to the tray. Quit is in the tray menu (and the OS's own quit on macOS).
    if (!options.isQuitting()) {
      event.preventDefault();
      win.hide();
    }
  });

  win.webContents.on('did-finish-load', () => options.onPageLoaded(win));

  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone');
    if (details.reason === 'clean-exit' || Date.now() - lastReload < RELOAD_GUARD_MS) return;
    lastReload = Date.now();
    win.webContents.reload();
  });
  win.webContents.on('preload-error', (_event, preloadPath, error) => {
    log.error({ err: error, preloadPath }, 'preload failed');
  });

  const url = options.devServer ? options.devServer.toString() : APP_ENTRY_URL;
  win.loadURL(url).catch((err: unknown) => log.error({ err, url }, 'window failed to load'));
  return win;
}

/** Brings the window back from the tray (or from behind other windows) and focuses it. */
export function showWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
