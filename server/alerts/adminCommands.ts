import { type Command, Option } from 'commander';
import { ALERT_SOURCES } from '../../shared/alerts/parse';
import type { AlertSource } from '../../shared/alerts/normalized';
import { VangnetError } from '../../shared/errors';
import type { ServerDb } from '../db/connect';
import { INBOX_STATUSES, type InboxStatus, listDeliveries } from '../repos/alertInbox';
import { addIntegration, DEFAULT_GRACE_HOURS, hookUrl, listIntegrations, rotateSecret } from './integrations';

/** Where monitoring systems reach this server when neither --public-url nor $VANGNET_PUBLIC_URL says: `serve`'s defaults. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:8080';

type WithStore = <T>(cmd: Command, run: (store: ServerDb) => Promise<T>) => Promise<T>;
type Out = (text: string) => void;

/**
 * The server cannot know the address a monitoring system reaches it at (a proxy, a port forward,
 * a name in DNS), so the administrator says it once with $VANGNET_PUBLIC_URL or per command.
 */
function publicUrl(given: string | undefined): string {
  const value = given ?? process.env.VANGNET_PUBLIC_URL ?? DEFAULT_PUBLIC_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new VangnetError('invalid_args', 'alerts.badPublicUrl', { value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VangnetError('invalid_args', 'alerts.badPublicUrl', { value });
  return value;
}

const publicUrlOption = () =>
  new Option(
    '--public-url <url>',
    `address monitoring systems reach this server at (or $VANGNET_PUBLIC_URL; default ${DEFAULT_PUBLIC_URL})`,
  );

/** `vangnet-server admin add-integration | list-integrations | rotate-secret | inbox` (docs/alerts.md). */
export function registerAlertCommands(admin: Command, withStore: WithStore, out: Out): void {
  admin
    .command('add-integration')
    .description('add a monitoring webhook receiver and print its URL and secret')
    .addOption(new Option('--kind <kind>', 'monitoring system').choices([...ALERT_SOURCES]).makeOptionMandatory())
    .option('--name <name>', 'a name to recognize it by (default: the kind)')
    .addOption(publicUrlOption())
    .option('--json', 'print JSON')
    .action(async (opts: { kind: AlertSource; name?: string; publicUrl?: string; json?: boolean }, cmd: Command) => {
      const base = publicUrl(opts.publicUrl);
      const created = await withStore(cmd, (store) =>
        addIntegration(store, { kind: opts.kind, ...(opts.name ? { name: opts.name } : {}) }, Date.now()),
      );
      const url = hookUrl(base, created);
      const shown = { id: created.id, kind: created.kind, name: created.name, url, secret: created.secret };
      out(
        opts.json
          ? JSON.stringify(shown)
          : `Added ${created.kind} integration ${created.name} (${created.id})\nURL:    ${url}\nSecret: ${created.secret}\nSee docs/alerts.md for where each goes; the secret is not shown again (rotate-secret makes a new one).`,
      );
    });
  admin
    .command('list-integrations')
    .description('list monitoring webhook receivers (without their secrets)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const all = await withStore(cmd, (store) => listIntegrations(store.db));
      const shown = all.map((i) => ({
        id: i.id,
        kind: i.kind,
        name: i.name,
        createdAt: i.createdAt,
        disabled: i.disabled,
        previousSecretUntil: i.previousUntil !== null && i.previousUntil > Date.now() ? new Date(i.previousUntil).toISOString() : null,
      }));
      if (opts.json) return out(JSON.stringify(shown));
      for (const i of shown)
        out(
          `${i.id}  ${i.kind}  ${i.name}  added ${i.createdAt}${i.disabled ? '  DISABLED' : ''}${i.previousSecretUntil ? `  old secret accepted until ${i.previousSecretUntil}` : ''}`,
        );
    });
  admin
    .command('rotate-secret <integrationId>')
    .description('give an integration a new secret; the old one keeps working for the grace period')
    .option('--grace-hours <hours>', 'hours the old secret is still accepted', String(DEFAULT_GRACE_HOURS))
    .addOption(publicUrlOption())
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { graceHours: string; publicUrl?: string; json?: boolean }, cmd: Command) => {
      const base = publicUrl(opts.publicUrl);
      const graceHours = opts.graceHours.trim() === '' ? Number.NaN : Number(opts.graceHours);
      const rotated = await withStore(cmd, (store) => rotateSecret(store, id, graceHours, Date.now()));
      const shown = {
        id: rotated.id,
        url: hookUrl(base, rotated),
        secret: rotated.secret,
        previousSecretUntil: new Date(rotated.previousUntil!).toISOString(),
      };
      out(
        opts.json
          ? JSON.stringify(shown)
          : `New secret for ${rotated.name} (${rotated.id})\nURL:    ${shown.url}\nSecret: ${shown.secret}\nThe old secret is accepted until ${shown.previousSecretUntil}.`,
      );
    });
  admin
    .command('inbox')
    .description('list received monitoring deliveries, newest first')
    .addOption(new Option('--status <status>', 'only deliveries in this state').choices([...INBOX_STATUSES]))
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: InboxStatus; limit: string; json?: boolean }, cmd: Command) => {
      const limit = Math.min(1000, Math.max(1, Math.floor(Number(opts.limit)) || 50));
      const rows = await withStore(cmd, (store) => listDeliveries(store.db, { limit, ...(opts.status ? { status: opts.status } : {}) }));
      if (opts.json) return out(JSON.stringify(rows));
      for (const r of rows) {
        const what = r.error
          ? r.error.message
          : r.normalized
            ? `${r.normalized.length} alert(s): ${r.normalized.map((a) => `${a.status} ${a.title}`).join('; ')}`
            : '';
        out(`${r.receivedAt}  ${r.status.padEnd(9)}  ${r.integrationId}  ${r.id}  ${what}`);
      }
    });
}
