import pino from 'pino';

const root = pino(
  { level: process.env.VANGNET_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'), base: undefined },
  pino.destination(2),
);

/** One logger per module, JSON lines on stderr. */
export function logger(module: string): pino.Logger {
  return root.child({ module });
}
