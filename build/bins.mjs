// Bundles the command-line entry points into dist/bin/ so they start without compiling TypeScript:
//   vangnet.mjs         the CLI                  core/cli/main.ts      (exports main)
//   vangnet-server.mjs  the office server        server/cli.ts         (exports main)
//   vangnet-web.mjs     the development web host core/host/webMain.ts (runs on import)
// plus chunks shared between them or loaded on demand, bins.json (what was built from what), and
// the CLI once more as one CommonJS file, vangnet.cjs, which bin/bundled.mjs runs with V8's code
// cache (CACHED_ENTRIES below).
//
// `node build/bins.mjs` (run by `npm ci`/`npm install` through `prepare`) builds them from scratch.
// bin/bundled.mjs imports `rebuildBins` from here when a bundle is missing or older than its
// sources, so a git checkout never runs yesterday's code.
//
// ESM, so `import.meta.url` keeps its meaning (the web host finds dist/renderer/ from it; dist/bin/
// is two levels below the root, like core/host/). The banner gives the bundle a `require` for the
// CommonJS packages esbuild inlines (pino, fastify, date-holidays…) and for their Node built-ins.
// Native and optional drivers stay external, loaded from node_modules: better-sqlite3 (native),
// pg (its optional pg-native). pino logs through `pino.destination(2)` (core/log.ts, server/log.ts),
// so no transport worker thread needs a file of its own; the store's integrity check runs its
// worker from an inline script (core/store/integrityCheck.ts).
//
// Start-up is part of the job (docs/benchmarks.md, "Start-up"): what a command does not need is not
// loaded (LAZY below), zod's other languages are left out, better-sqlite3 is required rather than
// imported, and the code is minified (whitespace and syntax, names kept; the source maps still
// point at the .ts), which spares V8 a tenth of its parsing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// $VANGNET_BIN_DIR moves them (tests rebuild into a folder of their own, not under everyone's feet).
export const BIN_DIR = process.env.VANGNET_BIN_DIR ? path.resolve(process.env.VANGNET_BIN_DIR) : path.join(root, 'dist/bin');
export const MANIFEST = path.join(BIN_DIR, 'bins.json');

/**
 * Packages whose evaluation costs more than most commands need, each bundled into a CommonJS file
 * of its own (dist/bin/lazy-<name>.cjs) and imported through a stand-in that requires that file on
 * first use. date-holidays brings moment-timezone's zone data and astronomical tables (2 MB of
 * the 3.7 MB a CLI start would otherwise read and compile); only SLA calendar compilation
 * (shared/sla/holidays.ts) needs it, and the SLA reference cache (core/sla/referenceCache.ts)
 * spares even that on later starts. pino (and sonic-boom, thread-stream…) is needed only once
 * something logs, which a successful CLI command never does (core/log.ts creates it on first use).
 *
 * The stand-in is a function Proxy: calling it (`pino(…)`), constructing it (`new Holidays(…)`) and
 * reading a property (`pino.destination`) all load the real export first. Only our own sources get
 * the stand-in; a package that requires one of these (fastify requires pino) gets the real thing.
 * The value says which of our importers get it: the office server logs from its first line and its
 * fastify bundles pino anyway, so server/log.ts imports the real one (not a second copy).
 */
const LAZY = { 'date-holidays': /./, pino: /[\\/]core[\\/]/ };
const LAZY_PACKAGES = Object.keys(LAZY);
const lazyFile = (name) => `./lazy-${name}.cjs`;

/** @type {import('esbuild').Plugin} */
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_PACKAGES.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.importer.includes('node_modules') || !LAZY[args.path].test(args.importer) ? undefined : { path: args.path, namespace: 'lazy' },
    );
    // The stand-in's require stays a runtime require (the banner's), relative to dist/bin/.
    build.onResolve({ filter: /^\.\/lazy-.*\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    // A lazy file is the package bundled to CommonJS: an ES module entry's default export is `.default`.
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `
        let loaded;
        const load = () => {
          if (loaded === undefined) {
            const m = require(${JSON.stringify(lazyFile(args.path))});
            loaded = m.default ?? m;
          }
          return loaded;
        };
        export default new Proxy(function lazy() {}, {
          apply: (_, self, args) => Reflect.apply(load(), self, args),
          construct: (_, args) => Reflect.construct(load(), args),
          get: (_, key) => Reflect.get(load(), key),
        });
      `,
    }));
  },
};

/**
 * zod's main entry re-exports every locale's messages (`z.locales`, 350 kB of the bundle), though
 * only English is ever used: Vangnet renders issues from its own catalog (shared/validation.ts).
 * Its locale index is replaced by one that exports `en` alone.
 */
/** @type {import('esbuild').Plugin} */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * better-sqlite3 is CommonJS and stays external (native). Imported from an ES module, Node would
 * first scan its source for named exports (cjs-module-lexer) and wrap it; our code only ever takes
 * its default export, so the bundle requires it instead (the banner's `require`), a plain CommonJS load.
 */
const REQUIRED_EXTERNALS = ['better-sqlite3'];

/** @type {import('esbuild').Plugin} */
const requiredExternals = {
  name: 'required-externals',
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED_EXTERNALS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.importer.includes('node_modules') || args.namespace === 'required' ? undefined : { path: args.path, namespace: 'required' },
    );
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({
      contents: `export default require(${JSON.stringify(args.path)});`,
    }));
  },
};

const options = {
  entryPoints: {
    vangnet: 'core/cli/main.ts',
    'vangnet-server': 'server/cli.ts',
    'vangnet-web': 'core/host/webMain.ts',
  },
  outdir: BIN_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Code behind a dynamic import() goes into its own chunk, read only when it is needed.
  splitting: true,
  // In dist/bin/ itself, like the entries: the lazy files are required relative to the code's own file.
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  // package.json's engines: node >= 20.19.
  target: 'node20',
  // pdfkit reads its font metrics (.afm files) next to its own code at run time: bundled, it would
  // look for them in dist/bin/. It is imported only when a PDF statement is asked for.
  external: ['better-sqlite3', 'pg', 'pg-native', 'pdfkit'],
  banner: {
    js: "import { createRequire as __vangnetCreateRequire } from 'node:module'; const require = __vangnetCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  sourcesContent: false,
  // Names are kept: logged stack traces stay readable without the maps.
  minifyWhitespace: true,
  minifySyntax: true,
  absWorkingDir: root,
  metafile: true,
  plugins: [lazyPackages, zodEnglishOnly, requiredExternals],
  logLevel: 'warning',
};

/** A lazily loaded package, alone in a CommonJS file (CommonJS: a plain `require` loads it synchronously). */
const lazyOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: options.target,
  absWorkingDir: root,
  logLevel: 'warning',
};

/**
 * The CLI once more, as one CommonJS file (dist/bin/vangnet.cjs): Node 20 keeps no compiled code
 * for ES modules, but bin/bundled.mjs can compile a script with V8's code cache, sparing a short
 * command most of its parsing and compiling. One file, no chunks (CommonJS has no code splitting).
 */
const CACHED_ENTRIES = { vangnet: 'core/cli/main.ts' };
const cachedOptions = {
  ...options,
  entryPoints: CACHED_ENTRIES,
  format: 'cjs',
  splitting: false,
  outExtension: { '.js': '.cjs' },
  // `require` is CommonJS's own; import.meta.url (the integrity check's fallback) is the file's URL.
  banner: { js: "const __vangnetMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__vangnetMetaUrl' },
};

/** What the bundles depend on besides the sources esbuild read: the installed packages and this script. */
const EXTRA_INPUTS = ['package-lock.json', 'build/bins.mjs'];

/**
 * Builds the bundles. Files are written next to their final name and renamed into place, and old
 * chunks are kept, so a process already running (or a second one rebuilding at the same moment:
 * tests start many CLIs at once) never reads a half-written or vanished file. `clean` empties
 * dist/bin/ first (the `prepare` build).
 */
export async function rebuildBins({ clean = false } = {}) {
  const startedAt = Date.now();
  if (clean) fs.rmSync(BIN_DIR, { recursive: true, force: true });
  const [result, cached, ...lazy] = await Promise.all([
    esbuild.build({ ...options, write: false }),
    esbuild.build({ ...cachedOptions, write: false }),
    ...LAZY_PACKAGES.map((name) =>
      esbuild.build({
        ...lazyOptions,
        entryPoints: [name],
        outfile: path.join(BIN_DIR, lazyFile(name)),
        write: false,
      }),
    ),
  ]);
  const entries = [];
  for (const file of [result, cached, ...lazy].flatMap((r) => r.outputFiles)) {
    const isChunk = path.basename(file.path).startsWith('chunk-');
    // A chunk's name is the hash of its content: an existing one is already right.
    if (isChunk && fs.existsSync(file.path)) continue;
    if (!isChunk) entries.push(file);
    writeAtomically(file.path, file.contents);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/') && !input.includes(':'));
  // Written last: a bundle counts as built only once its manifest says so.
  writeAtomically(MANIFEST, JSON.stringify({ builtAt: startedAt, inputs: [...inputs, ...EXTRA_INPUTS].sort() }, null, 1));
  return entries.map((file) => path.relative(root, file.path));
}

function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, contents);
  fs.renameSync(temp, file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await rebuildBins({ clean: true });
  for (const file of built.filter((f) => f.endsWith('.mjs'))) {
    process.stdout.write(`${file}  ${(fs.statSync(path.join(root, file)).size / 1024).toFixed(0)} KiB\n`);
  }
}
