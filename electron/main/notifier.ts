import { app, Notification, type BrowserWindow } from 'electron';
import { logger } from '../../core/log';
import { shellLanguage, type ShellLanguage, slaAlertText } from '../../shared/shell/alertText';
import { budgetNotification } from '../../shared/shell/budgetAlertText';
import type { AlertLevel, Notifier } from '../../shared/shell/notifier';
import type { AppTray } from './tray';

const log = logger('notifier');

/** More open notifications than this means the OS is not telling us they closed: forget the oldest. */
const MAX_HELD = 50;

export interface ElectronNotifierDeps {
  window(): BrowserWindow | null;
  tray(): AppTray | null;
  /** Brings the window forward and opens the incident in it. */
  openIncident(incidentId: string): void;
  /** Brings the window forward (a budget notification was clicked). */
  focus(): void;
}

/**
 * The UI's language as the page set it (`<html lang>`, which follows the language setting), or
 * the OS's when no page is loaded: a Dutch screen never gets an English notification.
 */
export async function uiLanguage(win: BrowserWindow | null): Promise<ShellLanguage> {
  if (win && !win.isDestroyed() && !win.webContents.isLoading()) {
    try {
      const lang: unknown = await win.webContents.executeJavaScript('document.documentElement.lang');
      if (typeof lang === 'string' && lang !== '') return shellLanguage(lang);
    } catch (err) {
      log.debug({ err }, 'cannot read the page language');
    }
  }
  return shellLanguage(app.getLocale());
}

/**
 * The Electron implementation of the Notifier seam (shared/shell/notifier.ts): an SLA alert is a
 * native notification, and the worst open state shows on the tray icon. A prepaid threshold is one
 * too, its words and urgency from shared/shell/budgetAlertText.ts. The renderer shows no
 * banner under Electron (renderer/src/main.tsx), so the engineer is told once.
 */
export function createElectronNotifier(deps: ElectronNotifierDeps): Notifier {
  // A Notification that gets garbage-collected vanishes (and its click handler with it): each is
  // held here until it is closed or clicked.
  const held = new Set<Notification>();
  let level: AlertLevel = 'none';

  function release(notification: Notification): void {
    held.delete(notification);
  }

  function show(title: string, body: string, urgent: boolean, onClick: () => void): void {
    const notification = new Notification({ title, body, urgency: urgent ? 'critical' : 'normal' });
    held.add(notification);
    if (held.size > MAX_HELD) release(held.values().next().value as Notification);
    notification.on('click', () => {
      release(notification);
      onClick();
    });
    notification.on('close', () => release(notification));
    notification.on('failed', (_event, error) => {
      release(notification);
      log.warn({ error }, 'notification failed');
    });
    notification.show();
  }

  return {
    notify(alert) {
      if (!Notification.isSupported()) {
        log.warn({ incidentId: alert.incidentId, kind: alert.kind }, 'notifications are not supported here');
        return;
      }
      void uiLanguage(deps.window()).then((language) => {
        const { title, body } = slaAlertText(alert, language);
        show(title, body, alert.kind === 'breached', () => deps.openIncident(alert.incidentId));
      });
    },
    notifyBudget(alert) {
      if (!Notification.isSupported()) {
        log.warn({ clientId: alert.clientId }, 'notifications are not supported here');
        return;
      }
      void uiLanguage(deps.window()).then((language) => {
        const { title, body, urgency } = budgetNotification(alert, language);
        show(title, body, urgency === 'critical', () => deps.focus());
      });
    },
    setLevel(next) {
      level = next;
      void uiLanguage(deps.window()).then((language) => deps.tray()?.setLevel(level, language));
    },
  };
}
