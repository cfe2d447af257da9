import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, storeFile } from './paths';

describe('data folder', () => {
  it('is overridden by VANGNET_HOME', () => {
    expect(defaultDataDir({ VANGNET_HOME: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  });
  it("matches Electron's userData for an app named Vangnet on each OS", () => {
    expect(defaultDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Vangnet'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Vangnet'));
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Vangnet'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Vangnet'),
    );
  });
  it('keeps the store in one file inside it', () => {
    expect(storeFile('/data')).toBe(path.join('/data', 'vangnet.sqlite3'));
  });
});
