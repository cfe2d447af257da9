// Finds the esbuild bundle of a command (dist/bin/<name>.mjs, built by build/bins.mjs at `npm ci`)
// and imports it. When the bundle is missing or older than any source it was built from (a git
// checkout after an edit or a pull), it is rebuilt first — about a second — and stderr says so:
// running stale code silently would be worse, and the tests that spawn the CLI must run today's
// sources. Checking costs one small JSON read and a stat per source file (about a millisecond).
// A command built as CommonJS too (dist/bin/<name>.cjs: the CLI) runs from that file, compiled with
// V8's code cache kept beside it, which Node 20 offers for scripts but not for ES modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Where build/bins.mjs writes them; $VANGNET_BIN_DIR moves both (a test of the rebuild uses its own,
// inside the checkout: the bundles' external packages resolve from its node_modules).
const binDir = process.env.VANGNET_BIN_DIR ? path.resolve(process.env.VANGNET_BIN_DIR) : path.join(root, 'dist/bin');

/** Why the bundles must be rebuilt, or null when they are up to date. */
function staleReason(name) {
  if (!fs.existsSync(path.join(binDir, `${name}.mjs`))) return `${path.relative(root, binDir)}/${name}.mjs is missing`;
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(binDir, 'bins.json'), 'utf8'));
  } catch {
    return 'dist/bin/bins.json is missing or unreadable';
  }
  // Plain concatenation and no exception for a missing file: a third of the CPU time of
  // path.join + a throwing statSync over the ~190 inputs, on every start.
  const prefix = root + path.sep;
  for (const input of manifest.inputs) {
    const stat = fs.statSync(prefix + input, { throwIfNoEntry: false });
    if (!stat) return `${input} is gone`;
    if (stat.mtimeMs >= manifest.builtAt) return `${input} changed since the bundle was built`;
  }
  return null;
}

/** Imports dist/bin/<name>.mjs, rebuilding the bundles first when they are stale. */
export async function importBundle(name) {
  const reason = staleReason(name);
  if (reason) {
    let rebuildBins;
    try {
      ({ rebuildBins } = await import('../build/bins.mjs'));
    } catch (err) {
      // esbuild is a devDependency: an install without it cannot rebuild.
      process.stderr.write(
        `${name}: ${reason}, and it cannot be rebuilt here (${err.message}); run \`npm ci\` or \`node build/bins.mjs\`.\n`,
      );
      if (!fs.existsSync(path.join(binDir, `${name}.mjs`))) process.exit(1);
    }
    if (rebuildBins) {
      process.stderr.write(`${name}: ${reason}; rebuilding ${path.relative(root, binDir)}/ (node build/bins.mjs)…\n`);
      await rebuildBins();
    }
  }
  const script = path.join(binDir, `${name}.cjs`);
  if (fs.existsSync(script)) return runWithCodeCache(script);
  return import(pathToFileURL(path.join(binDir, `${name}.mjs`)).href);
}

/**
 * Runs a CommonJS bundle (build/bins.mjs, CACHED_ENTRIES) the way Node's own loader would, but
 * compiled with V8's code cache: `<file>.v8cache`, written at exit when there was none, when it
 * was made from other source (its header holds the source's hash: V8 itself checks only the
 * length) or when V8 refused it (another Node). The cache is a shortcut only: when it cannot be
 * read or written, the script is compiled as usual.
 */
function runWithCodeCache(file) {
  const cacheFile = `${file}.v8cache`;
  const source = fs.readFileSync(file, 'utf8');
  const header = Buffer.from(`${createHash('sha1').update(source).digest('hex')}\n`);
  let cachedData;
  try {
    const stored = fs.readFileSync(cacheFile);
    if (stored.subarray(0, header.length).equals(header)) cachedData = stored.subarray(header.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, so the functions the command compiled on its way are in the cache too.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, Buffer.concat([header, script.createCachedData()]));
        fs.renameSync(temp, cacheFile);
      } catch {
        fs.rmSync(temp, { force: true });
      }
    });
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}
