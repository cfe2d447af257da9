export type AlertSource = 'alertmanager' | 'grafana' | 'uptime-kuma' | 'generic';
export interface NormalizedAlert {
  source: AlertSource;
  /** Stable identity for dedup: Alertmanager/Grafana fingerprint, Uptime Kuma `monitor:<id>`, generic `id`/`fingerprint`. */
  fingerprint: string;
  status: 'firing' | 'resolved';
  /** Human title (alertname / monitor name / title). */
  title: string;
  description: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Severity as given ('critical', 'warning', ...), lower-cased, or null. */
  severity: string | null;
  /** When the alert started / changed state, epoch ms. */
  startsAt: number;
  endsAt: number | null;
  /** Optional group key (Alertmanager groupKey) for grouping. */
  groupKey: string | null;
}
