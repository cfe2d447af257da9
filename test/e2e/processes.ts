import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the first capture group of `pattern` in the child's first stdout line: the web host
 * and the office server both announce their address that way once they listen.
 */
export function waitForAddress(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  stderr: () => string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    function fail(err: Error): void {
      clearTimeout(timer);
      reject(new Error(`${err.message}\n--- ${what} stderr ---\n${stderr()}`));
    }
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const match = pattern.exec(buffer.slice(0, newline));
      clearTimeout(timer);
      if (match?.[1]) resolve(match[1]);
      else fail(new Error(`unexpected first line from ${what}: ${buffer.slice(0, newline)}`));
    });
    child.once('exit', (code, signal) => fail(new Error(`${what} exited early (code ${code}, signal ${signal})`)));
    child.once('error', (err) => fail(err));
  });
}

/** SIGTERM, then SIGKILL if it has not gone within five seconds. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
