import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { logger } from '../log';
import { defaultDataDir } from '../store/paths';
import { createEngineHost } from './engineHost';
import { startWebHost } from './webHost';

const log = logger('web-main');

/** `npm run dev:web`: engine in this Node process, renderer in any browser. */
async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const dataDir = defaultDataDir();
  const port = Number(process.env.PORT ?? 5199);
  // A store that cannot be opened still gets a page: it shows why, and the backups to restore.
  // A browser cannot tell how long the machine was idle: only e2e tests set it, through a test hook.
  const testHooks = process.env.VANGNET_TEST_HOOKS === '1';
  let idleSeconds = 0;
  const engines = createEngineHost({
    dataDir,
    version: process.env.npm_package_version ?? '0.1.0',
    start: true,
    ...(testHooks ? { idle: { seconds: () => idleSeconds } } : {}),
  });
  const _testOnlyHooks = testHooks
    ? {
        setIdleSeconds(seconds: number) {
          idleSeconds = seconds;
          engines.engine()?.idle.check();
        },
      }
    : undefined;
  if (testHooks) log.info('test hooks are on (VANGNET_TEST_HOOKS=1): never in use');
  const host = await startWebHost({ target: engines, rendererDir: path.join(root, 'dist/renderer'), port, _testOnlyHooks });
  // The first stdout line is the address; the e2e fixtures wait for it.
  process.stdout.write(`Vangnet web host: ${host.url} (data: ${dataDir})\n`);
  const stop = () => {
    void host.close().then(() => {
      engines.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  log.error({ err }, 'web host failed to start');
  process.stderr.write(`vangnet web host: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
