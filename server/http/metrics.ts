import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'vangnet_http_requests_total',
      help: 'HTTP requests',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    pushes: new Counter({ name: 'vangnet_sync_pushes_total', help: 'Sync pushes handled', labelNames: ['outcome'], registers: [registry] }),
    mutations: new Counter({
      name: 'vangnet_sync_mutations_total',
      help: 'Pushed mutations by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    pulls: new Counter({ name: 'vangnet_sync_pulls_total', help: 'Sync pull pages served', registers: [registry] }),
    connected: new Gauge({ name: 'vangnet_realtime_clients', help: 'Clients connected to the realtime channel', registers: [registry] }),
    lag: new Histogram({
      name: 'vangnet_sync_lag_seconds',
      help: 'Time from a mutation being made on a laptop (its HLC) to the server applying it',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 300, 3600, 86400],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'vangnet_auth_failures_total',
      help: 'Failed pairing and token checks',
      labelNames: ['kind'],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'vangnet_auth_rate_limited_total',
      help: 'Failed pairing and token checks answered 429: beyond the per-address failure budget',
      labelNames: ['kind'],
      registers: [registry],
    }),
    jobLeader: new Gauge({
      name: 'vangnet_job_leader',
      help: 'Whether this process leads the background job (1) or another process does (0)',
      labelNames: ['job'],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'vangnet_job_runs_total',
      help: 'Background job runs in this process by outcome',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    shed: new Counter({
      name: 'vangnet_http_shed_total',
      help: 'Requests refused with 503 and Retry-After because the process was at its load limit',
      labelNames: ['route'],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
