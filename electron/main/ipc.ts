import { ipcMain, MessageChannelMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { logger } from '../../core/log';
import { isAppUrl } from './appUrl';
import type { CoreProcess } from './coreProcess';

/**
 * One of the two files that touch Electron IPC (the other is electron/preload/index.ts); lint
 * refuses `ipcMain`, `ipcRenderer` and `MessageChannelMain` anywhere else.
 *
 * The renderer does not talk to main at all: main only introduces it to the engine by handing it
 * one end of a MessageChannel. After that, calls and events flow renderer <-> core directly and
 * main's event loop stays out of the data path.
 */

const log = logger('electron-ipc');

/** Main -> preload. With a port: "talk to the engine on this". Without: "the engine is gone, wait". */
export const PORT_CHANNEL = 'vangnet:port';

/**
 * Gives the window's page a fresh port to the engine. Called after every page load (first load,
 * reload, renderer crash recovery) and after every engine restart. The page must be ours: a port
 * to the engine is the keys to the data, so it never goes to a page main did not load.
 */
export function connectRendererToCore(win: BrowserWindow, core: CoreProcess, devServer: URL | null): void {
  if (win.isDestroyed()) return;
  const contents = win.webContents;
  // Mid-load: did-finish-load calls this again when the page (and its preload) is ready.
  if (contents.isLoading()) return;
  const pageUrl = contents.mainFrame.url;
  if (!isAppUrl(pageUrl, devServer)) {
    log.error({ url: pageUrl }, 'not handing the engine port to a foreign page');
    return;
  }
  const { port1, port2 } = new MessageChannelMain();
  if (!core.connect(port1)) {
    // The engine is restarting; its 'spawn' handler reconnects the window.
    port1.close();
    port2.close();
    return;
  }
  contents.postMessage(PORT_CHANNEL, null, [port2]);
}

/** Main -> preload: "open this incident" (a notification was clicked). Mirrored in the preload. */
export const OPEN_INCIDENT_CHANNEL = 'vangnet:open-incident';

/** The page shows the incident; the preload turns this into its `shell.openIncident` event. */
export function openIncidentInRenderer(win: BrowserWindow, incidentId: string): void {
  if (win.isDestroyed() || win.webContents.isLoading()) return;
  win.webContents.send(OPEN_INCIDENT_CHANNEL, incidentId);
}

/** Lets the preload fail in-flight calls at once and queue new ones until the next port. */
export function announceCoreLost(win: BrowserWindow): void {
  if (win.isDestroyed() || win.webContents.isLoading()) return;
  win.webContents.postMessage(PORT_CHANNEL, null);
}

/**
 * True only for a message from our own page's top frame. A subframe or a page that got navigated
 * elsewhere (should navigation guards ever fail) cannot drive main.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, devServer: URL | null): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServer);
}

/**
 * The only way to register an `ipcMain` handler in this app (none exist today: data goes over the
 * MessagePort). Untrusted senders get a rejected promise and a log line, never the handler.
 */
export function handleTrusted<A extends unknown[], R>(
  channel: string,
  devServer: URL | null,
  handler: (...args: A) => R | Promise<R>,
): () => void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event, devServer)) {
      log.error({ channel, url: event.senderFrame?.url }, 'ipc from untrusted sender refused');
      throw new Error('Refused');
    }
    return handler(...(args as A));
  });
  return () => ipcMain.removeHandler(channel);
}
