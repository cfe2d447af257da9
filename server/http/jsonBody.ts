import { VangnetError } from '../../shared/errors';
import { scanJson } from '../../shared/jsonScan';

export { JSON_MAX_DEPTH, JSON_MAX_KEYS, scanJson } from '../../shared/jsonScan';

// Fatal: a body that is not UTF-8 is refused, never silently patched with U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function refuse(detail: string): never {
  throw new VangnetError('invalid_args', 'server.badJson', { detail });
}

/**
 * The text of a JSON body, checked: strict UTF-8 and a bounded shape. Parsing stays with Fastify's
 * own JSON parser (it refuses `__proto__` and `constructor` keys). A push lets lone surrogate escapes
 * through (`surrogates: 'allow'`): one mutation holding one is refused alone by its schema, so an old
 * outbox entry never fails the whole push and jams the mutations after it.
 */
export function checkedJsonText(body: Buffer, surrogates: 'refuse' | 'allow' = 'refuse'): string {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    refuse('The body is not valid UTF-8');
  }
  scanJson(text, surrogates);
  return text;
}
