// `npm start`: builds and runs the desktop app. Where the Electron binary is absent (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI and offline build boxes) it says so and serves the same
// UI to a browser through the development web host instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    return require('electron'); // the package's main export is the binary's path; it throws when absent
  } catch {
    return null;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = electronBinary();
if (binary) {
  run(npm, ['run', 'build']);
  run(binary, ['.']);
} else {
  process.stderr.write('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): starting the web host instead.\n');
  run(npm, ['run', 'dev:web']);
}
