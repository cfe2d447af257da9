// Type-checks every room with its own project, so each room sees only the globals it may use:
// shared/ neither Node nor DOM, renderer/ DOM only, core/ Node only, electron/ Node + Electron.
import { spawnSync } from 'node:child_process';

const projects = ['shared', 'core', 'server', 'renderer', 'electron', 'test'];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${project}/tsconfig.json`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
  else process.stdout.write(`typecheck ${project}: ok\n`);
}
process.exit(failed ? 1 : 0);
