#!/usr/bin/env node
// The `vangnet` CLI, run from its esbuild bundle (dist/bin/vangnet.mjs; see bin/bundled.mjs).
import { importBundle } from './bundled.mjs';

const { main } = await importBundle('vangnet');
process.exitCode = await main(process.argv);
