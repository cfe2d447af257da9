import pino from 'pino';

// Logs go to stderr: stdout belongs to the CLI's output (`--json` must stay parseable).
const root = pino(
  {
    level: process.env.VANGNET_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: undefined,
  },
  pino.destination(2),
);

/** One logger per module. */
export function logger(module: string): pino.Logger {
  return root.child({ module });
}
