import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../core/cli/main';
import { seedDemo } from '../../core/demo/seed';
import { type Engine, openEngine } from '../../core/engine/engine';
import { storeFile } from '../../core/store/paths';
import { readDamage } from '../../core/store/storeDamage';
import { tempDataDir } from '../../core/testSupport';

/**
 * The hostile test of issue 9, kept: 64 random bytes written over the middle of a real store. Every
 * trial must end refused at open, or marked damaged by the full check with every write refused, or
 * provably undamaged (integrity_check ok) — never with a write on top of known damage.
 */
const TRIALS = 20;
const SEED = 9;

/** mulberry32: a small seeded generator, so a failing trial can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pristine: Buffer;
const outcomes: Record<string, number> = {};

beforeAll(() => {
  const dataDir = tempDataDir();
  const engine = openEngine({ dataDir });
  engine.ensureProfile('Test Engineer');
  seedDemo(engine, { seed: 4, clients: 12, incidents: 150 });
  engine.close();
  pristine = fs.readFileSync(storeFile(dataDir));
});

afterAll(() => {
  // The tally for the reliability notes, e.g. { refused_at_open: 7, marked_damaged: 9, undamaged: 4 }.
  console.log(`hostile store overwrites (${TRIALS} trials, seed ${SEED}):`, outcomes);
});

let stderr = '';
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  return () => vi.restoreAllMocks();
});

async function cliWrite(home: string): Promise<number> {
  stderr = '';
  return main(['node', 'vangnet', '--home', home, 'client', 'add', '--name', 'Written on top', '--code', 'ONTOP']);
}

function integrityProblems(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).filter((r) => r !== 'ok');
  } finally {
    db.close();
  }
}

const random = rng(SEED);
const trials = Array.from({ length: TRIALS }, (_, i) => {
  const offset = Math.floor((0.1 + random() * 0.8) * 1_000_000_000);
  const bytes = Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256)));
  return { trial: i + 1, offset, bytes };
});

describe('64 random bytes over the middle of a real store', () => {
  it.each(trials)('trial $trial', async ({ offset, bytes }) => {
    const dataDir = tempDataDir();
    const file = storeFile(dataDir);
    const damaged = Buffer.from(pristine);
    // Offsets are drawn as fractions of a billion so the trials do not depend on the seeded store's size.
    const at = Math.floor((offset / 1_000_000_000) * (damaged.length - 64));
    bytes.copy(damaged, at);
    fs.writeFileSync(file, damaged);

    let engine: Engine | undefined;
    try {
      engine = openEngine({ dataDir });
    } catch (err) {
      expect((err as { code?: string }).code).toBe('store_corrupt');
      expect(readDamage(file)).toMatchObject({ source: 'open' });
      expect(await cliWrite(dataDir)).not.toBe(0);
      expect(fs.readFileSync(file).equals(damaged)).toBe(true);
      outcomes.refused_at_open = (outcomes.refused_at_open ?? 0) + 1;
      return;
    }
    const round = await engine.care.runRound();
    if (round.outcome === 'damaged') {
      expect(() => engine.mutate('client.create', { id: '0190a5a8-0000-7000-8000-00000000000a', name: 'On top', code: 'ONTOP' })).toThrow(
        expect.objectContaining({ code: 'store_damaged' }),
      );
      engine.close();
      const marked = fs.readFileSync(file);
      expect(await cliWrite(dataDir)).not.toBe(0);
      expect(stderr).toMatch(/damaged/);
      expect(fs.readFileSync(file).equals(marked)).toBe(true);
      outcomes.marked_damaged = (outcomes.marked_damaged ?? 0) + 1;
      return;
    }
    engine.close();
    expect(round.outcome).toBe('sound');
    expect(integrityProblems(file)).toEqual([]);
    expect(readDamage(file)).toBeNull();
    outcomes.undamaged = (outcomes.undamaged ?? 0) + 1;
  });
});

