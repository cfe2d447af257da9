import { lookupCall } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import { logger } from '../log';
import { isCorruptionError } from '../store/storeDamage';
import type { Engine } from './engine';
import { publicError } from './publicError';

const log = logger('dispatch');

/**
 * The contract's entry into the engine: every call is looked up by name and its arguments are
 * validated against the contract's schema before any handler runs. Whatever goes wrong comes back
 * as `{ ok: false, error }`; the engine never crashes on a bad call.
 */
export async function dispatch(engine: Engine, name: string, rawArgs: unknown): Promise<Result<unknown>> {
  const def = lookupCall(name);
  if (!def) return fail('unknown_call', 'call.unknown', { name: String(name).slice(0, 100) });
  try {
    const args = parseOrThrow(def.args, rawArgs ?? {}, `arguments for ${name}`);
    const [group, method] = name.split('.') as [string, string];
    const handler = (engine.handlers as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[group]?.[method];
    if (!handler) return fail('unknown_call', 'call.noHandler', { name });
    return ok(await handler(args));
  } catch (err) {
    // SQLite says the file is damaged: mark it, so no later write lands on top of the damage.
    return { ok: false, error: isCorruptionError(err) ? engine.storeFailed(err).toInfo() : publicError(err, log, { call: name }) };
  }
}
