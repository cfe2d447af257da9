import { vi } from 'vitest';
import { main } from './main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the `vangnet` CLI in-process on the data folder `home`, capturing what it prints to stdout
 * and stderr during this call only. Shared by the CLI's tests.
 */
export async function runVangnet(home: string, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array) => (append(String(chunk)), true);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (out += t)));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (err += t)));
  try {
    const code = await main(['node', 'vangnet', '--home', home, ...args]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
