import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LIMIT_BYTES = 50 * 1024;

/**
 * The sandboxed preload is parsed on every page load. It builds `window.vangnet` from the
 * contract's call and event names (shared/contract/names.ts) and shared/rpcClient.ts only: should it
 * import a schema again, zod and the holiday database come with it (about 2 MB unminified).
 */
describe('the preload bundle', () => {
  it('stays under 50 kB, unminified, with the options build/bundle.mjs uses', async () => {
    const bundleScript = path.join(root, 'build/bundle.mjs');
    const { builds } = (await import(bundleScript)) as { builds: esbuild.BuildOptions[] };
    const options = builds.find((b) => b.entryPoints && (b.entryPoints as string[]).includes('electron/preload/index.ts'));
    expect(options).toBeDefined();
    const result = await esbuild.build({
      ...options,
      minify: false,
      sourcemap: false,
      write: false,
      metafile: true,
      outfile: 'preload.cjs',
    });
    const bytes = result.outputFiles?.[0]?.contents.byteLength ?? Infinity;
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(bytes).toBeLessThan(LIMIT_BYTES);
  });
});
