import path from 'node:path';
import { Menu, nativeImage, type NativeImage, Tray } from 'electron';
import { alertLevelText, type ShellLanguage } from '../../shared/shell/alertText';
import type { AlertLevel } from '../../shared/shell/notifier';
import { ICONS_DIR } from './appUrl';

export interface TrayOptions {
  onOpen(): void;
  onQuit(): void;
}

export interface AppTray {
  /** The worst open SLA state: a coloured dot on the icon and a tooltip that says it. */
  setLevel(level: AlertLevel, language: ShellLanguage): void;
}

const MENU_TEXT = {
  nl: { open: 'Vangnet openen', quit: 'Afsluiten' },
  en: { open: 'Open Vangnet', quit: 'Quit' },
} as const;

/** Amber and red as in the renderer's tokens, in the B, G, R order of Electron's bitmaps. */
const DOT_BGR: Record<Exclude<AlertLevel, 'none'>, [number, number, number]> = {
  amber: [6, 119, 217],
  red: [38, 38, 220],
};

/**
 * The icon with a dot in its lower-right corner, drawn at run time so no extra PNGs are shipped.
 * Drawn on the largest representation (tray@2x.png), which Electron scales down for 1x screens.
 */
function withDot(base: NativeImage, bgr: [number, number, number]): NativeImage {
  const scaleFactor = Math.max(...base.getScaleFactors(), 1);
  const { width, height } = base.getSize(scaleFactor);
  const bitmap = Buffer.from(base.toBitmap({ scaleFactor }));
  const radius = width * 0.24;
  const cx = width - radius - 0.5;
  const cy = height - radius - 0.5;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
      const i = (y * width + x) * 4;
      [bitmap[i], bitmap[i + 1], bitmap[i + 2], bitmap[i + 3]] = [...bgr, 255];
    }
  }
  return nativeImage.createFromBitmap(bitmap, { width, height, scaleFactor });
}

/**
 * The tray icon is how the app is reached while its window is hidden, and the only way to quit
 * on Windows and Linux (closing the window only hides it). The caller must keep the returned Tray
 * referenced: a garbage-collected Tray disappears from the tray.
 */
export function createTray(options: TrayOptions): { tray: Tray } & AppTray {
  // tray.png is 16x16; nativeImage picks up tray@2x.png (32x32) by itself on HiDPI screens.
  const icon = nativeImage.createFromPath(path.join(ICONS_DIR, 'tray.png'));
  const icons: Record<AlertLevel, NativeImage> = { none: icon, amber: withDot(icon, DOT_BGR.amber), red: withDot(icon, DOT_BGR.red) };
  const tray = new Tray(icon);

  function menu(language: ShellLanguage): Menu {
    return Menu.buildFromTemplate([
      { label: MENU_TEXT[language].open, click: () => options.onOpen() },
      { type: 'separator' },
      { label: MENU_TEXT[language].quit, click: () => options.onQuit() },
    ]);
  }

  tray.setToolTip(alertLevelText('none', 'en'));
  tray.setContextMenu(menu('en'));
  // Windows (and some Linux trays) report a plain click; opening the window is what people expect.
  tray.on('click', () => options.onOpen());
  return {
    tray,
    setLevel(level, language) {
      tray.setImage(icons[level]);
      tray.setToolTip(alertLevelText(level, language));
      tray.setContextMenu(menu(language));
    },
  };
}
