// Bundles the desktop shell into dist/electron/ (the renderer is built by Vite into dist/renderer/):
//   main.cjs    Electron main process        electron/main/main.ts
//   preload.cjs the window's sandboxed preload electron/preload/index.ts
//   core.cjs    the engine's utility process core/host/utilityMain.ts
// and copies the icons main needs at run time into dist/electron/icons/.
//
// All three are CommonJS: a sandboxed preload can only be one CommonJS file that requires nothing
// but 'electron' (so shared/'s zod is bundled into it), and using the same format for the other two
// keeps `__dirname` meaning "dist/electron/" everywhere. better-sqlite3 stays external: it is a
// native module, loaded from node_modules (unpacked from the asar) and rebuilt by electron-builder
// for Electron's ABI.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/electron');

// Electron 39 ships Node 22 and Chromium 142; bump with the Electron pin.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome142';

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // Stack traces in the crash logs should point at the .ts sources.
  sourcesContent: false,
};
// Enables the .map files for stack traces; Node supports it at run time since 16.6.
const sourceMapBanner = { js: 'process.setSourceMapsEnabled && process.setSourceMapsEnabled(true);' };

// Exported for test/integration/preloadSize.test.ts, which bundles the preload with these options.
export const builds = [
  {
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    platform: 'node',
    target: NODE_TARGET,
    external: ['electron', 'better-sqlite3'],
    banner: sourceMapBanner,
  },
  {
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    // The sandboxed preload is a browser context with a tiny `require`; no Node built-ins.
    // It imports call names only, never schemas (a few kB); minified as it is parsed on every load.
    minify: true,
    platform: 'browser',
    target: CHROME_TARGET,
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: ['core/host/utilityMain.ts'],
    outfile: path.join(outDir, 'core.cjs'),
    platform: 'node',
    target: NODE_TARGET,
    // pdfkit reads its font metrics from files beside its code at run time (PDF statements, loaded
    // on demand): it stays in node_modules, which electron-builder packs as a production dependency.
    external: ['better-sqlite3', 'pdfkit'],
    banner: sourceMapBanner,
  },
];

export async function bundle() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  for (const [i, result] of results.entries()) {
    const outfile = builds[i].outfile;
    const bytes = result.metafile.outputs[path.relative(root, outfile)]?.bytes ?? 0;
    process.stdout.write(`${path.relative(root, outfile)}  ${(bytes / 1024).toFixed(0)} KiB\n`);
  }
  // Tray and window icons are read at run time from next to main.cjs (inside the asar when
  // packaged); electron-builder's own icons come from build/icons directly.
  const iconsOut = path.join(outDir, 'icons');
  fs.mkdirSync(iconsOut, { recursive: true });
  for (const name of ['tray.png', 'tray@2x.png', 'icon.png']) {
    fs.copyFileSync(path.join(root, 'build/icons', name), path.join(iconsOut, name));
  }
}

// Run as a script (`node build/bundle.mjs`), not when a test imports the options above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
