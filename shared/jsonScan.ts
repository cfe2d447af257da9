import { VangnetError } from './errors';

/**
 * The shape check every JSON body gets before JSON.parse, shared by the server's request parser
 * (server/http/jsonBody.ts) and the alert parsers (shared/alerts), which read raw webhook bytes.
 */

/**
 * Deeper than any body the protocol or the REST API sends (a push is about six levels deep); a
 * hostile body of a few MB of `[[[[…` made JSON.parse and the schemas spend seconds per request.
 */
export const JSON_MAX_DEPTH = 32;
/** Object members in one body: a full push of 1,000 mutations holds well under 100,000. */
export const JSON_MAX_KEYS = 200_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const LOWER_U = 0x75;

function refuse(detail: string): never {
  throw new VangnetError('invalid_args', 'server.badJson', { detail });
}

function hexAt(text: string, at: number): number {
  const hex = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
}

/** Index of the `\uXXXX` escape's last character; refuses an unpaired surrogate. */
function checkUnicodeEscape(text: string, at: number): number {
  const unit = hexAt(text, at + 2);
  if (unit >= 0xdc00 && unit <= 0xdfff) refuse('The body holds an unpaired UTF-16 surrogate escape');
  if (unit < 0xd800 || unit > 0xdbff) return at + 5;
  const isLowNext = text.charCodeAt(at + 6) === BACKSLASH && text.charCodeAt(at + 7) === LOWER_U;
  const low = isLowNext ? hexAt(text, at + 8) : -1;
  if (low < 0xdc00 || low > 0xdfff) refuse('The body holds an unpaired UTF-16 surrogate escape');
  return at + 11;
}

/**
 * Checks JSON text before it is parsed: nesting depth, member count, and string escapes that
 * would decode to lone surrogates. One pass, strings and escapes skipped correctly; anything
 * else malformed is left for JSON.parse to refuse.
 */
export function scanJson(text: string, surrogates: 'refuse' | 'allow' = 'refuse'): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === QUOTE) inString = false;
      else if (c === BACKSLASH) i = text.charCodeAt(i + 1) === LOWER_U && surrogates === 'refuse' ? checkUnicodeEscape(text, i) : i + 1;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > JSON_MAX_DEPTH) refuse(`The body is nested deeper than ${JSON_MAX_DEPTH} levels`);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
    else if (c === COLON) {
      keys += 1;
      if (keys > JSON_MAX_KEYS) refuse(`The body has more than ${JSON_MAX_KEYS} object members`);
    }
  }
}
