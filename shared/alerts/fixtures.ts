/**
 * Webhook bodies as each monitoring system sends them, written from their documentation
 * (Prometheus `webhook_config`, Grafana's webhook notifier, Uptime Kuma's webhook provider). Test data
 * only: the parser tests and the server's receiver tests share them.
 */
export const ALERTMANAGER_FIRING = {
  version: '4',
  groupKey: '{}:{alertname="InstanceDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'vangnet',
  groupLabels: { alertname: 'InstanceDown' },
  commonLabels: { alertname: 'InstanceDown', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'InstanceDown', instance: 'web01:9100', job: 'node', severity: 'Critical' },
      annotations: { summary: 'web01 is down', description: 'web01:9100 has not answered scrapes for 5 minutes.' },
      startsAt: '2026-12-03T09:15:42.123456789Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up+%3D%3D+0',
      fingerprint: '4b0b3a1a5c5e2b7d',
    },
  ],
};

export const ALERTMANAGER_RESOLVED = {
  ...ALERTMANAGER_FIRING,
  status: 'resolved',
  alerts: [{ ...ALERTMANAGER_FIRING.alerts[0]!, status: 'resolved', endsAt: '2026-12-03T09:40:00Z' }],
};

export const GRAFANA_FIRING = {
  receiver: 'Vangnet',
  status: 'firing',
  orgId: 1,
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'High memory usage', team: 'blue', zone: 'eu-1', severity: 'warning' },
      annotations: { description: 'The system has high memory usage', summary: 'This alert was triggered for zone eu-1' },
      startsAt: '2026-12-03T10:51:03.157076+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://grafana.example/alerting/grafana/1afz29v7z/view',
      fingerprint: 'c6eadffa33fcdf37',
      silenceURL: 'https://grafana.example/alerting/silence/new',
      dashboardURL: '',
      panelURL: '',
      values: { B: 44.23, C: 1 },
      valueString: "[ var='B' labels={zone=eu-1} value=44.23 ]",
    },
  ],
  groupLabels: {},
  commonLabels: { team: 'blue' },
  commonAnnotations: {},
  externalURL: 'https://grafana.example/',
  version: '1',
  groupKey: '{}:{}',
  truncatedAlerts: 0,
  title: '[FIRING:1]  (blue)',
  state: 'alerting',
  message: '**Firing**\n\nLabels:\n - alertname = High memory usage',
};

export const GRAFANA_OK = {
  ...GRAFANA_FIRING,
  status: 'resolved',
  state: 'ok',
  alerts: [{ ...GRAFANA_FIRING.alerts[0]!, status: 'resolved', endsAt: '2026-12-03T11:05:00+02:00' }],
};

/** Heartbeat status 0: DOWN. */
export function uptimeKuma(status: 0 | 1 | 2 | 3) {
  return {
    heartbeat: {
      monitorID: 7,
      status,
      time: '2026-12-03 09:30:00.000',
      msg: status === 0 ? 'Request failed with status code 502' : 'OK',
      ping: null,
      important: true,
      duration: 60,
      timezone: 'Europe/Amsterdam',
      timezoneOffset: '+01:00',
      localDateTime: '2026-12-03 10:30:00',
    },
    monitor: { id: 7, name: 'shop.example.nl', url: 'https://shop.example.nl', type: 'http', hostname: null, tags: [] },
    msg: `[shop.example.nl] [${status === 0 ? '🔴 Down' : '✅ Up'}] ${status === 0 ? 'Request failed with status code 502' : 'OK'}`,
  };
}

/** Kuma's "Send test notification": no heartbeat, no monitor. */
export const UPTIME_KUMA_TEST = { heartbeat: null, monitor: null, msg: 'Uptime Kuma Alert - Testing' };

export const GENERIC_FIRING = {
  id: 'backup-failed-db01',
  title: 'Nightly backup failed on db01',
  status: 'firing',
  severity: 'Critical',
  description: 'pg_dump exited with code 1',
  labels: { host: 'db01', client: 'OOSTW' },
};

/** A multipart/form-data body with one field, as Node's form-data package writes it. */
export function formDataBody(
  field: string,
  value: string,
  boundary = '--------------------------515890814546601021194782',
): {
  body: string;
  contentType: string;
} {
  return {
    body: `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
