#!/usr/bin/env node
// The `vangnet` CLI, run from TypeScript sources so `npx vangnet` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli/main.ts');
process.exitCode = await main(process.argv);
