#!/usr/bin/env node
// Starts the development web host (engine in Node, renderer in a browser) from its esbuild bundle
// (dist/bin/vangnet-web.mjs; see bin/bundled.mjs).
import { importBundle } from './bundled.mjs';

await importBundle('vangnet-web');
