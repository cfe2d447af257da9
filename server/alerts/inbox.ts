import { parseDelivery } from '../../shared/alerts/parse';
import type { NormalizedAlert } from '../../shared/alerts/normalized';
import { type ErrorInfo, toErrorInfo, VangnetError } from '../../shared/errors';
import type { JobDefinition } from '../jobs/jobs';
import { logger } from '../log';
import { finishDelivery, loadDelivery, settleDelivery, staleParsed, staleReceived } from '../repos/alertInbox';
import { findIntegration, type Integration } from '../repos/integrations';
import { type AlertProcessorDeps, onParsedAlerts } from './onParsedAlerts';

const log = logger('alerts');

/** A delivery still `received` this long after it came in was orphaned (a crash after the 202): the sweep takes it. */
export const ORPHAN_AFTER_MS = 60_000;
export const SWEEP_EVERY_MS = 30_000;
const SWEEP_BATCH = 100;

/**
 * Processing after the answer: the receiver stores a delivery as `received`, answers 202 and queues
 * it here; this parses the stored raw bytes into alerts, marks the row `parsed` and hands them to
 * the processor (onParsedAlerts.ts). One at a time per process, in arrival order. A delivery left
 * `received` by a crash is picked up by the sweep job (one leader across processes).
 */
export function createAlertInbox(deps: AlertProcessorDeps) {
  const { store, now } = deps;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;

  async function process(id: string): Promise<void> {
    const row = await loadDelivery(store.db, id);
    if (!row || row.status !== 'received') return;
    const integration = await findIntegration(store.db, row.integrationId);
    if (!integration) return;
    let alerts;
    try {
      alerts = parseDelivery(integration.kind, {
        body: row.body,
        contentType: row.headers['content-type'] ?? null,
        receivedAt: Date.parse(row.receivedAt),
      });
    } catch (err) {
      // A payload the receiver let through but the parser refuses is a bug of ours, not the sender's: `failed`.
      const rejected = err instanceof VangnetError && err.code === 'invalid_args';
      if (!rejected) log.error({ err, id }, 'parsing a delivery failed');
      await settleDelivery(store.db, id, { status: rejected ? 'rejected' : 'failed', error: toErrorInfo(err) }, now());
      return;
    }
    if (!(await settleDelivery(store.db, id, { status: 'parsed', alerts }, now()))) return;
    await handOff(id, integration, alerts);
  }

  /** Routes the parsed alerts into incidents and records the outcome on the delivery. */
  async function handOff(id: string, integration: Integration, alerts: NormalizedAlert[]): Promise<void> {
    try {
      const result = await onParsedAlerts(deps, integration, alerts);
      const failed = result.outcomes.filter((o) => o === 'failed').length;
      await finishDelivery(store.db, id, failed ? { status: 'failed', error: partlyFailed(failed, alerts.length) } : { status: 'processed' }, now());
    } catch (err) {
      log.error({ err, id }, 'routing a delivery failed');
      await finishDelivery(store.db, id, { status: 'failed', error: toErrorInfo(err) }, now());
    }
  }

  /** A delivery left `parsed` by a process that died while routing it: route it again (dedup makes that safe). */
  async function resume(id: string): Promise<void> {
    const row = await loadDelivery(store.db, id);
    if (!row || row.status !== 'parsed' || !row.normalized) return;
    const integration = await findIntegration(store.db, row.integrationId);
    if (integration) await handOff(id, integration, row.normalized);
  }

  function enqueue(id: string, step: (id: string) => Promise<void> = process): void {
    pending += 1;
    chain = chain
      .then(() => step(id))
      .catch((err: unknown) => log.error({ err, id }, 'processing a delivery failed; the sweep retries it'))
      .finally(() => {
        pending -= 1;
      });
  }

  return {
    enqueue,
    /** Resolves once everything queued so far is processed (shutdown, tests). */
    async settled(): Promise<void> {
      while (pending > 0) await chain;
    },
    sweepJob(): JobDefinition {
      return {
        name: 'alert-inbox-sweep',
        everyMs: SWEEP_EVERY_MS,
        async run() {
          const ids = await staleReceived(store.db, now() - ORPHAN_AFTER_MS, SWEEP_BATCH);
          const parsed = await staleParsed(store.db, now() - ORPHAN_AFTER_MS, SWEEP_BATCH);
          if (ids.length + parsed.length) log.warn({ received: ids.length, parsed: parsed.length }, 'processing deliveries left unprocessed');
          for (const id of ids) enqueue(id);
          for (const id of parsed) enqueue(id, resume);
          await chain;
        },
      };
    },
  };
}
function partlyFailed(failed: number, total: number): ErrorInfo {
  return new VangnetError('internal', 'alerts.partlyFailed', { failed, total }).toInfo();
}

export type AlertInbox = ReturnType<typeof createAlertInbox>;
