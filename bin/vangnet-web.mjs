#!/usr/bin/env node
// Starts the development web host (engine in Node, renderer in a browser) from TypeScript sources.
import { register } from 'tsx/esm/api';

register();
await import('../core/host/webMain.ts');
