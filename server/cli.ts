import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ENGINEER_ROLES } from '../shared/sync/protocol';
import { toErrorInfo, VangnetError } from '../shared/errors';
import { registerAlertCommands } from './alerts/adminCommands';
import { addEngineer, issuePairingCode, listEngineers, revokeDevice, setRole } from './auth/devices';
import { connectServerDb, type ServerDb } from './db/connect';
import { buildServer } from './http/app';
import { engineerIdByEmail } from './repos/engineers';
import { registerAlertCommands as registerAlertRoutingCommands } from './alerts/cli';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

function storeOptions(cmd: Command): { dataDir?: string; databaseUrl?: string } {
  const o = cmd.optsWithGlobals<{ data?: string; databaseUrl?: string }>();
  const databaseUrl = o.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl };
  return { dataDir: path.resolve(o.data ?? process.env.VANGNET_SERVER_DATA ?? 'vangnet-server-data') };
}

async function withStore<T>(cmd: Command, run: (store: ServerDb) => Promise<T>): Promise<T> {
  const store = await connectServerDb(storeOptions(cmd));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** `vangnet-server`: runs the office server and its admin commands. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('vangnet-server')
    .description('Vangnet office server: sync, realtime, REST API')
    .option('--data <dir>', 'SQLite data folder (default ./vangnet-server-data, or $VANGNET_SERVER_DATA)')
    .option('--database-url <url>', 'PostgreSQL connection URL (or $DATABASE_URL); SQLite when absent')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('run the server')
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--job-lease-ms <ms>',
      'how long a background job waits for a vanished leader (SQLite; every process on the store alike)',
      '30000',
    )
    .action(async (opts: { port: string; host: string; jobLeaseMs: string }, cmd: Command) => {
      const jobLeaseMs = Number(opts.jobLeaseMs);
      if (!Number.isInteger(jobLeaseMs) || jobLeaseMs < 30)
        throw new VangnetError('invalid_args', 'server.jobLeaseMs', { value: opts.jobLeaseMs });
      const store = await connectServerDb(storeOptions(cmd));
      const server = await buildServer({ store, jobLeaseMs });
      const address = await server.app.listen({ port: Number(opts.port), host: opts.host });
      out(`vangnet-server listening on ${address} (${store.dialect})`);
      const stop = () =>
        void server
          .close()
          .then(() => store.close())
          .then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => undefined);
    });

  const admin = program.command('admin').description('engineers, devices and monitoring integrations');
  admin
    .command('add-engineer')
    .description('add an engineer and print a one-time pairing code for their first device')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--email <email>', 'e-mail address')
    .addOption(new Option('--role <role>', 'role').choices([...ENGINEER_ROLES]).default('engineer'))
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; email: string; role: (typeof ENGINEER_ROLES)[number]; json?: boolean }, cmd: Command) => {
      const created = await withStore(cmd, (store) => addEngineer(store, opts));
      out(
        opts.json
          ? JSON.stringify(created)
          : `Added ${created.engineer.name} <${created.engineer.email}> (${created.engineer.role})\nPairing code: ${created.pairingCode}  (valid until ${created.expiresAt}; use it once with \`vangnet login\`)`,
      );
    });
  admin
    .command('set-role <engineer> <role>')
    .description(`give an engineer (id or e-mail) another role: ${ENGINEER_ROLES.join(', ')}; counts from their next push`)
    .option('--json', 'print JSON')
    .action(async (who: string, role: string, opts: { json?: boolean }, cmd: Command) => {
      const changed = await withStore(cmd, (store) => setRole(store, who, role as (typeof ENGINEER_ROLES)[number]));
      const { engineer, previousRole } = changed;
      out(
        opts.json
          ? JSON.stringify(changed)
          : previousRole === engineer.role
            ? `${engineer.name} <${engineer.email}> already has the ${engineer.role} role`
            : `${engineer.name} <${engineer.email}>: ${previousRole} -> ${engineer.role}`,
      );
    });
  admin
    .command('pairing-code')
    .description('issue a new pairing code for an existing engineer (another laptop)')
    .requiredOption('--email <email>', "the engineer's e-mail")
    .option('--json', 'print JSON')
    .action(async (opts: { email: string; json?: boolean }, cmd: Command) => {
      const issued = await withStore(cmd, async (store) => {
        const engineerId = await engineerIdByEmail(store.db, opts.email);
        if (!engineerId) throw new VangnetError('not_found', 'server.noEngineer', { email: opts.email });
        return issuePairingCode(store.db, engineerId);
      });
      out(opts.json ? JSON.stringify(issued) : `Pairing code: ${issued.pairingCode}  (valid until ${issued.expiresAt})`);
    });
  admin
    .command('list')
    .description('list engineers and their devices')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const engineers = await withStore(cmd, listEngineers);
      if (opts.json) {
        out(JSON.stringify(engineers));
        return;
      }
      for (const e of engineers) {
        out(`${e.name} <${e.email}>  ${e.role}${e.active ? '' : ' (inactive)'}  ${e.id}`);
        for (const d of e.devices)
          out(
            `    device ${d.id}  ${d.name}  paired ${d.createdAt}  last seen ${d.lastSeenAt ?? 'never'}${d.revokedAt ? `  REVOKED ${d.revokedAt}` : ''}`,
          );
      }
    });
  admin
    .command('revoke-device <deviceId>')
    .description('revoke a device token (a lost laptop)')
    .action(async (deviceId: string, _opts: unknown, cmd: Command) => {
      await withStore(cmd, (store) => revokeDevice(store, deviceId));
      out(`Revoked device ${deviceId}`);
    });
  registerAlertRoutingCommands(admin, withStore);

  registerAlertCommands(admin, withStore, out);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error: ${toErrorInfo(err).message}\n`);
    exitCode = 1;
  }
  return exitCode;
}
