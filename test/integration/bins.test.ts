import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { startServerProcess } from '../../server/testSupport';

/** The installed commands run their esbuild bundles (dist/bin/, built by build/bins.mjs), not tsx. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TRACE = path.join(ROOT, 'test/fixtures/traceImports/register.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every ES module URL the process resolved. */
  modules: string[];
}

function run(bin: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-bins-'));
  const traceFile = path.join(dir, 'modules.txt');
  const child = spawn(process.execPath, ['--import', TRACE, path.join(ROOT, bin), ...args], {
    env: { ...process.env, TRACE_IMPORTS_FILE: traceFile, VANGNET_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const modules = fs.existsSync(traceFile) ? fs.readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) : [];
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, modules });
    });
  });
}

/** No TypeScript source and no tsx: a bundle was run. */
function expectNoSources(modules: string[]): void {
  expect(modules.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/tsx/'))).toEqual([]);
}

/** No TypeScript source and no tsx: the (ES module) bundle was run. */
function expectBundleOnly(modules: string[], bundle: string): void {
  expect(modules).toContain(`file://${path.join(ROOT, 'dist/bin', bundle)}`);
  expectNoSources(modules);
}

describe('the bins run their bundles', () => {
  it('vangnet --version prints the package version, from dist/bin/vangnet.cjs with its code cache', async () => {
    const cache = path.join(ROOT, 'dist/bin/vangnet.cjs.v8cache');
    // A cache V8 refuses (here: not a cache at all) is compiled past and replaced.
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.writeFileSync(cache, 'not a code cache');
    const result = await run('bin/vangnet.mjs', ['--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectNoSources(result.modules);
    // The CommonJS bundle ran, not the ES module one.
    expect(result.modules).not.toContain(`file://${path.join(ROOT, 'dist/bin/vangnet.mjs')}`);
    expect(fs.statSync(cache).size).toBeGreaterThan(10_000);
    // The cache starts with the hash of the source it was made from.
    const sourceHash = createHash('sha1').update(fs.readFileSync(path.join(ROOT, 'dist/bin/vangnet.cjs'))).digest('hex');
    expect(fs.readFileSync(cache).subarray(0, 41).toString()).toBe(`${sourceHash}\n`);
    // A cache V8 would accept (same source length) but made from other source is not used, and replaced.
    const payload = fs.readFileSync(cache).subarray(41);
    fs.writeFileSync(cache, Buffer.concat([Buffer.from(`${'0'.repeat(40)}\n`), payload]));
    const again = await run('bin/vangnet.mjs', ['--version']);
    expect(again.stdout.trim()).toBe(pkg.version);
    expect(fs.readFileSync(cache).subarray(0, 41).toString()).toBe(`${sourceHash}\n`);
  }, 120_000);

  it('vangnet-server runs from dist/bin/vangnet-server.mjs', async () => {
    const result = await run('server/bin/vangnet-server.mjs', ['--help']);
    expect(result.stdout).toContain('Vangnet office server');
    expect(result.code).toBe(0);
    expectBundleOnly(result.modules, 'vangnet-server.mjs');
  }, 120_000);

  it('vangnet-server serve on SQLite answers /healthz without loading pg', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-bins-server-'));
    const traceFile = path.join(dir, 'modules.txt');
    const server = await startServerProcess(['--data', dir], [], { node: ['--import', TRACE], env: { TRACE_IMPORTS_FILE: traceFile } });
    try {
      const { url } = server;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const modules = fs.readFileSync(traceFile, 'utf8').split('\n');
      expect(modules).toContain(`file://${path.join(ROOT, 'dist/bin/vangnet-server.mjs')}`);
      expect(modules.filter((url) => url.includes('/node_modules/pg/'))).toEqual([]);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("the bundled CLI's store check runs its worker thread", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-bins-home-'));
    try {
      expect((await run('bin/vangnet.mjs', ['--home', home, 'client', 'list', '--json'])).code).toBe(0);
      const check = await run('bin/vangnet.mjs', ['--home', home, 'store', 'check', '--full', '--json']);
      expect(check.stderr).toBe('');
      expect(JSON.parse(check.stdout)).toMatchObject({ check: 'integrity_check', ok: true, problems: [] });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('the bundled CLI loads date-holidays on first use: due dates skip public holidays', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-bins-contract-'));
    const target = { response: { minutes: 60, calendar: 'business' }, resolution: null };
    const contract = {
      costModel: 'subscription',
      timeZone: 'Europe/Amsterdam',
      businessHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:30', '17:30']]])),
      holidays: { country: 'NL' },
      closures: [],
      targets: { P1: target, P2: target, P3: target, P4: target },
      atRisk: { fraction: 0.75, leadMinutes: 15 },
      billingIncrementMinutes: 15,
      reviewCadenceMonths: 3,
    };
    try {
      fs.writeFileSync(path.join(dir, 'contract.json'), JSON.stringify(contract));
      const args = [
        'sla',
        'what-if',
        '--contract',
        path.join(dir, 'contract.json'),
        '--priority',
        'P1',
        '--opened',
        '2026-12-24T17:00:00+01:00',
      ];
      // A data folder of its own: the default one may hold anything (a newer schema, other work).
      const result = await run('bin/vangnet.mjs', [...args, '--json'], { VANGNET_HOME: path.join(dir, 'home') });
      // Half an hour on Thursday 24 December, then Christmas (Friday) and the weekend are skipped.
      expect(JSON.parse(result.stdout)).toEqual({ responseDueAt: '2026-12-28T08:00:00.000Z', resolutionDueAt: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the bundles carry zod in English only', () => {
    const bundles = fs.readdirSync(path.join(ROOT, 'dist/bin')).filter((f) => /\.(mjs|cjs)$/.test(f));
    expect(bundles.length).toBeGreaterThan(3);
    // German is one of the locales zod's main entry would otherwise bring along.
    const german = bundles.filter((f) => fs.readFileSync(path.join(ROOT, 'dist/bin', f), 'utf8').includes('Ungültige Eingabe'));
    expect(german).toEqual([]);
  });

  it('the bundled CLI still logs, through pino loaded on the first log line', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-bins-log-'));
    try {
      fs.writeFileSync(path.join(home, 'vangnet.sqlite3'), 'not a database, not at all');
      const result = await run('bin/vangnet.mjs', ['--home', home, 'client', 'list', '--json'], { VANGNET_LOG_LEVEL: 'info' });
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('{'));
      expect(lines.map((line) => JSON.parse(line) as { module: string; msg: string })).toContainEqual(
        expect.objectContaining({ module: 'store-damage', msg: 'store marked damaged' }),
      );
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('builds a missing bundle, rebuilds one older than its sources, and says so', async () => {
    // A folder of its own, so the other tests' processes keep using dist/bin/ meanwhile; inside the
    // checkout, where the bundles' external packages resolve from node_modules.
    fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    const binDir = fs.mkdtempSync(path.join(ROOT, 'dist/bins-test-'));
    const env = { VANGNET_BIN_DIR: binDir };
    const manifestFile = path.join(binDir, 'bins.json');
    try {
      const first = await run('bin/vangnet.mjs', ['--version'], env);
      expect(first.stderr).toMatch(/vangnet\.mjs is missing; rebuilding /);
      expect(first.stdout.trim()).toBe(pkg.version);
      expect(fs.existsSync(path.join(binDir, 'vangnet.cjs.v8cache'))).toBe(true);

      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { builtAt: number; inputs: string[] };
      expect(manifest.inputs).toContain('core/cli/main.ts');
      // Every source now looks newer than the bundle.
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, builtAt: 0 }));
      const stale = await run('bin/vangnet.mjs', ['--version'], env);
      expect(stale.stderr).toMatch(/changed since the bundle was built; rebuilding /);
      expect(stale.stdout.trim()).toBe(pkg.version);
      expect((JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { builtAt: number }).builtAt).toBeGreaterThan(0);

      const fresh = await run('bin/vangnet.mjs', ['--version'], env);
      expect(fresh.stderr).toBe('');

      // A source the bundle was built from is gone (renamed, deleted): rebuilt too.
      const built = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { builtAt: number; inputs: string[] };
      fs.writeFileSync(manifestFile, JSON.stringify({ ...built, inputs: [...built.inputs, 'core/no-such-source.ts'] }));
      const gone = await run('bin/vangnet.mjs', ['--version'], env);
      expect(gone.stderr).toMatch(/core\/no-such-source\.ts is gone; rebuilding /);
      expect(gone.stdout.trim()).toBe(pkg.version);
    } finally {
      fs.rmSync(binDir, { recursive: true, force: true });
    }
  }, 120_000);
});
