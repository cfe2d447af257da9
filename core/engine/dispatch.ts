import { lookupCall } from '../../shared/contract';
import { fail, ok, type Result, toErrorInfo } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import { logger } from '../log';
import { isCorruptionError } from '../store/storeDamage';
import type { Engine } from './engine';

const log = logger('dispatch');

/**
 * The contract's entry into the engine: every call is looked up by name and its arguments are
 * validated against the contract's schema before any handler runs. Whatever goes wrong comes back
 * as `{ ok: false, error }`; the engine never crashes on a bad call.
 */
export async function dispatch(engine: Engine, name: string, rawArgs: unknown): Promise<Result<unknown>> {
  const def = lookupCall(name);
  if (!def) return fail('unknown_call', `Unknown call: ${String(name).slice(0, 100)}`);
  try {
    const args = parseOrThrow(def.args, rawArgs ?? {}, `arguments for ${name}`);
    const [group, method] = name.split('.') as [string, string];
    const handler = (engine.handlers as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[group]?.[method];
    if (!handler) return fail('unknown_call', `No handler for ${name}`);
    return ok(await handler(args));
  } catch (err) {
    // SQLite says the file is damaged: mark it, so no later write lands on top of the damage.
    const info = isCorruptionError(err) ? engine.storeFailed(err).toInfo() : toErrorInfo(err);
    if (info.code === 'internal') log.error({ err, call: name }, 'call failed');
    return { ok: false, error: info };
  }
}
