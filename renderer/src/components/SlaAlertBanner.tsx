import { alertActionText, slaAlertText } from '../../../shared/shell/alertText';
import { useStore } from '../store/store';
import { Icon } from './Icon';
import '../styles/slaAlerts.css';

/**
 * The web host's side of the Notifier seam (shared/shell/notifier.ts): SLA alerts as in-page
 * banners, since a browser tab has no tray. Under Electron main shows a native notification
 * instead and this stays empty (renderer/src/main.tsx feeds it only in the web host).
 * A breach is announced assertively (role=alert), an at-risk clock politely (role=status).
 */
export function SlaAlertBanner() {
  const alerts = useStore((s) => s.slaAlerts);
  const language = useStore((s) => s.language);
  const dismiss = useStore((s) => s.dismissSlaAlert);
  const open = useStore((s) => s.openIncident);
  if (alerts.length === 0) return null;
  return (
    <section className="sla-alerts" aria-label={alertActionText('region', language)} data-testid="sla-alerts">
      {alerts.map((alert) => {
        const { title, body } = slaAlertText(alert, language);
        return (
          <div
            key={`${alert.incidentId}-${alert.kind}`}
            className={`sla-alert sla-alert-${alert.kind}`}
            role={alert.kind === 'breached' ? 'alert' : 'status'}
            data-testid="sla-alert"
            data-kind={alert.kind}
          >
            <span className="sla-alert-text">
              <strong>{title}</strong> <span>{body}</span>
            </span>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                open(alert.incidentId);
                dismiss(alert);
              }}
            >
              {alertActionText('open', language)}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={`${alertActionText('dismiss', language)}: ${title}`}
              onClick={() => dismiss(alert)}
            >
              <Icon name="close" />
            </button>
          </div>
        );
      })}
    </section>
  );
}
