#!/usr/bin/env node
// The office server, `npx vangnet-server`, run from TypeScript sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv);
