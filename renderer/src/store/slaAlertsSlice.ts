import type { SlaAlert } from '../../../shared/shell/notifier';
import type { SliceCreator } from './types';

/** The banner keeps the newest few; older ones are in the list's SLA filters anyway. */
const MAX_SHOWN = 4;

export interface SlaAlertsSlice {
  /** SLA alerts shown as in-page banners (web host only; Electron notifies natively). Newest first. */
  slaAlerts: SlaAlert[];
  showSlaAlert(alert: SlaAlert): void;
  dismissSlaAlert(alert: SlaAlert): void;
  /** Shows an incident in the incidents room (a banner's or a native notification's "open"). */
  openIncident(incidentId: string): void;
}

const same = (a: SlaAlert, b: SlaAlert) => a.incidentId === b.incidentId && a.kind === b.kind;

export const createSlaAlertsSlice: SliceCreator<SlaAlertsSlice> = (set, get) => ({
  slaAlerts: [],
  showSlaAlert(alert) {
    // A breach supersedes the same incident's at-risk banner.
    const rest = get().slaAlerts.filter((a) => !same(a, alert) && !(alert.kind === 'breached' && a.incidentId === alert.incidentId));
    set({ slaAlerts: [alert, ...rest].slice(0, MAX_SHOWN) });
  },
  dismissSlaAlert(alert) {
    set({ slaAlerts: get().slaAlerts.filter((a) => !same(a, alert)) });
  },
  openIncident(incidentId) {
    get().navigate('incidents');
    get().selectIncident(incidentId);
  },
});
