import path from 'node:path';
import { app, dialog, powerMonitor, session, type BrowserWindow, type Tray } from 'electron';
import { logger } from '../../core/log';
import { CORE_FILE, devServerUrl, RENDERER_DIR } from './appUrl';
import { startCoreProcess, type CoreProcess } from './coreProcess';
import { announceCoreLost, connectRendererToCore, openIncidentInRenderer } from './ipc';
import { createElectronNotifier } from './notifier';
import { guardWebContents, hardenSession, registerAppScheme, serveRenderer } from './security';
import { type AppTray, createTray } from './tray';
import { createMainWindow, showWindow } from './window';
import { reportIdleTime } from './idleReport';

/**
 * Entry of Electron's main process (bundled to dist/electron/main.cjs). Main stays small: it owns
 * the app lifecycle, the window, the tray and the engine process, and never touches data itself.
 */

const log = logger('electron-main');

/**
 * The store lives in Electron's userData folder, which core/store/paths.ts `defaultDataDir()`
 * mirrors for the CLI, so both fronts open the same store. VANGNET_HOME overrides it for both.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VANGNET_HOME ? path.resolve(env.VANGNET_HOME) : app.getPath('userData');
}

export function runApp(): void {
  // A second copy would open the same SQLite store and show a second tray icon; hand over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // Every renderer sandboxed, even one created by mistake without the option.
  app.enableSandbox();
  registerAppScheme();

  const devServer = devServerUrl(app.isPackaged);
  let win: BrowserWindow | null = null;
  // Held for the app's lifetime: a Tray that gets garbage-collected vanishes from the tray.
  const held: { tray: Tray | null; appTray: AppTray | null } = { tray: null, appTray: null };
  let core: CoreProcess | null = null;
  let quitting = false;
  let coreStopped = false;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServer));

  app.on('second-instance', () => {
    if (win) showWindow(win);
  });

  // macOS: clicking the dock icon of a running app whose window is hidden.
  app.on('activate', () => {
    if (win) showWindow(win);
  });

  // The window only hides, so this fires only while quitting; staying alive keeps the tray and
  // the engine's timers (SLA warnings, on-call alarm) running.
  app.on('window-all-closed', () => undefined);

  app.on('before-quit', (event) => {
    quitting = true;
    if (coreStopped || !core) return;
    // Let the engine close the store cleanly before the process goes, then quit for real.
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveRenderer(session.defaultSession, RENDERER_DIR);

      const dataDir = resolveDataDir();
      log.info({ dataDir, version: app.getVersion(), devServer: devServer?.toString() }, 'starting');

      const notifier = createElectronNotifier({
        window: () => win,
        tray: () => held.appTray,
        openIncident: (incidentId) => {
          if (!win) return;
          showWindow(win);
          openIncidentInRenderer(win, incidentId);
        },
        focus: () => {
          if (win) showWindow(win);
        },
      });
      const engine = startCoreProcess({
        entry: CORE_FILE,
        dataDir,
        version: app.getVersion(),
        onStarted: () => {
          if (win) connectRendererToCore(win, engine, devServer);
        },
        onLost: () => {
          if (win) announceCoreLost(win);
        },
        onFatal: (error) => {
          dialog.showErrorBox(
            'Vangnet cannot open its data',
            `${error.message}\n\nData folder: ${dataDir}\n\nThe window stays open but cannot load or save anything.`,
          );
        },
        notifier,
      });
      core = engine;
      // Laptops sleep: after resume (and when the OS reports the network back) sync at once
      // instead of waiting for the next retry.
      powerMonitor.on('resume', () => engine.wake());
      powerMonitor.on('unlock-screen', () => engine.wake());
      reportIdleTime(powerMonitor, (seconds) => engine.reportIdle(seconds));

      win = createMainWindow({
        devServer,
        isQuitting: () => quitting,
        onPageLoaded: (loaded) => connectRendererToCore(loaded, engine, devServer),
      });
      const appTray = createTray({
        onOpen: () => {
          if (win) showWindow(win);
        },
        onQuit: () => app.quit(),
      });
      held.tray = appTray.tray;
      held.appTray = appTray;
    })
    .catch((err: unknown) => {
      log.fatal({ err }, 'startup failed');
      dialog.showErrorBox('Vangnet could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

runApp();
