#!/usr/bin/env node
// The office server, `npx vangnet-server`, run from its esbuild bundle (dist/bin/vangnet-server.mjs;
// see bin/bundled.mjs at the repository root, which rebuilds it when the sources changed).
import { importBundle } from '../../bin/bundled.mjs';

const { main } = await importBundle('vangnet-server');
process.exitCode = await main(process.argv);
