import pino from 'pino';

// Logs go to stderr: stdout belongs to the CLI's output (`--json` must stay parseable).
// Made on the first log line, not at import: a CLI command that logs nothing never loads pino
// (the bundles load it lazily, build/bins.mjs).
let root: pino.Logger | undefined;
const rootLogger = (): pino.Logger =>
  (root ??= pino(
    {
      level: process.env.VANGNET_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
      base: undefined,
    },
    pino.destination(2),
  ));

/** One logger per module; its pino child is made when it is first used. */
export function logger(module: string): pino.Logger {
  let child: pino.Logger | undefined;
  const real = () => (child ??= rootLogger().child({ module }));
  return new Proxy({} as pino.Logger, {
    get(_, key) {
      const value: unknown = Reflect.get(real(), key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real()) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
  });
}
