import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Vangnet';

/**
 * The data folder shared by the desktop app and the CLI. It matches Electron's `userData` for an
 * app named "Vangnet" on each OS, so both fronts open the same store; `VANGNET_HOME` (or the CLI's
 * `--home`) overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VANGNET_HOME) return path.resolve(env.VANGNET_HOME);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

export function storeFile(dataDir: string): string {
  return path.join(dataDir, 'vangnet.sqlite3');
}
