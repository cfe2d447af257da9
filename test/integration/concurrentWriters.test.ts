import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as pause } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../core/engine/engine';
import { testEngine } from '../../core/testSupport';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI_WRITES = 3;

function runCli(home: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/vangnet.mjs'), '--home', home, ...args], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe('the app and the CLI writing the same store at once', () => {
  it('every CLI write succeeds while the engine keeps writing, and nothing is lost', async () => {
    const opened = testEngine();
    engine = opened.engine;
    const app = opened.engine;
    // The app writes about once a millisecond, as a busy sync would: load, not a wait for a state, and
    // paced so the CLI processes get the CPU to start on a shared machine.
    let appWrites = 0;
    let cliDone = false;
    const appLoop = (async () => {
      while (!cliDone) {
        appWrites += 1;
        app.mutate('client.create', { id: `0190a5a8-0000-7000-8000-${String(appWrites).padStart(12, '0')}`, name: `App ${appWrites}`, code: `APP-${appWrites}` });
        await pause(1);
      }
    })();
    const cli = await Promise.all(
      Array.from({ length: CLI_WRITES }, (_, i) => runCli(opened.dataDir, '--json', 'client', 'add', '--name', `CLI ${i}`, '--code', `CLI-${i}`)),
    );
    cliDone = true;
    await appLoop;

    expect(cli.map((r) => [r.code, r.err.trim()])).toEqual(cli.map(() => [0, '']));
    const names = (app.db.prepare('SELECT name FROM clients').all() as { name: string }[]).map((r) => r.name);
    expect(names.filter((n) => n.startsWith('CLI ')).sort()).toEqual(Array.from({ length: CLI_WRITES }, (_, i) => `CLI ${i}`));
    expect(names.filter((n) => n.startsWith('App '))).toHaveLength(appWrites);
    // Each write kept its outbox entry and audit entry with it.
    expect(app.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: appWrites + CLI_WRITES });
  });
});
