import type { VangnetApi } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/errors';

declare global {
  interface Window {
    /** Set by the Electron preload, or by `installWebSocketApi` when running in a browser. */
    vangnet?: VangnetApi;
  }
}

/** The engine, as the slices see it. Components never call this. */
export function vangnet(): VangnetApi {
  const api = window.vangnet;
  if (!api) throw new Error('window.vangnet is not installed');
  return api;
}

/**
 * Runs one contract call and always yields a Result: a transport that throws (a preload bug, a
 * closed port) becomes an `internal` error value, so a slice has exactly one failure path.
 */
export async function callEngine<T>(run: (api: VangnetApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run(vangnet());
  } catch {
    // The transport's own words (a closed port) are not for the screen: it says the engine could not be reached.
    return fail('internal', 'call.unreachable');
  }
}
