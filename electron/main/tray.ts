import path from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { ICONS_DIR } from './appUrl';

export interface TrayOptions {
  onOpen(): void;
  onQuit(): void;
}

/**
 * The tray icon is how the app is reached while its window is hidden, and the only way to quit
 * on Windows and Linux (closing the window only hides it). The caller must keep the returned Tray
 * referenced: a garbage-collected Tray disappears from the tray.
 */
export function createTray(options: TrayOptions): Tray {
  // tray.png is 16x16; nativeImage picks up tray@2x.png (32x32) by itself on HiDPI screens.
  const icon = nativeImage.createFromPath(path.join(ICONS_DIR, 'tray.png'));
  const tray = new Tray(icon);
  tray.setToolTip('Vangnet');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Vangnet', click: () => options.onOpen() },
      { type: 'separator' },
      { label: 'Quit', click: () => options.onQuit() },
    ]),
  );
  // Windows (and some Linux trays) report a plain click; opening the window is what people expect.
  tray.on('click', () => options.onOpen());
  return tray;
}
