import type { BillingText } from '../messages/catalog';
import { foldText } from '../textFold';
import type { Scope } from './rounding';

/**
 * Scope hints: does a ticket's title and description read like support (keeping delivered
 * functionality running) or like new development (a change request)? Dutch and English terms
 * from the seed. A hint is a suggestion with its reason, shown to the engineer — never applied.
 * Text is compared case- and accent-folded (shared/textFold.ts), terms from a word start.
 */

interface Term {
  scope: Scope;
  /** What the reason names: the term as a person writes it. */
  term: string;
  pattern: RegExp;
}

// Each pattern runs on folded text; `\b` is enough there (accents are gone).
const TERMS: readonly Term[] = [
  { scope: 'change_request', term: 'nieuwe betaalprovider', pattern: /\b(nieuwe?|extra|andere|tweede) betaa?l(ings)?-? ?provider/ },
  { scope: 'change_request', term: 'new payment provider', pattern: /\b(new|extra|another|second|add(ing)?( an?)?) payment provider/ },
  { scope: 'change_request', term: 'koppeling', pattern: /\bkoppeling(en)?\b/ },
  { scope: 'change_request', term: 'integration', pattern: /\bintegrations?\b/ },
  { scope: 'change_request', term: 'redesign', pattern: /\bre-?design/ },
  { scope: 'change_request', term: 'chatmodule', pattern: /\bchat ?(module|functie|function)/ },
  { scope: 'change_request', term: 'extra functionaliteit', pattern: /\b(extra|nieuwe) functionaliteit/ },
  { scope: 'change_request', term: 'new functionality', pattern: /\b(new|extra) (functionality|feature)/ },
  { scope: 'change_request', term: 'video consult', pattern: /\bvideo ?(consult|call)/ },
  { scope: 'support', term: 'SSL', pattern: /\bssl\b/ },
  { scope: 'support', term: 'certificaat', pattern: /\bcertifica(at|ten)\b/ },
  { scope: 'support', term: 'certificate', pattern: /\bcertificates?\b/ },
  { scope: 'support', term: 'wachtwoord', pattern: /\bwachtwoord(en)?\b/ },
  { scope: 'support', term: 'password', pattern: /\bpasswords?\b/ },
  { scope: 'support', term: 'traag', pattern: /\btraa?g(heid|er|e)?\b/ },
  { scope: 'support', term: 'slow', pattern: /\bslow(ness|er|s)?\b/ },
  // An HTTP 500, not an amount: "€ 500" and "500 euro" are no server error.
  { scope: 'support', term: '500', pattern: /(?<![€$.,\d] ?)\b500\b(?! ?(euro|eur|€|,-))/ },
  { scope: 'support', term: 'back-up', pattern: /\bback-? ?ups?\b/ },
  { scope: 'support', term: 'firewall', pattern: /\bfirewall/ },
  { scope: 'support', term: 'patch', pattern: /\b(security ?|beveiligings-? ?)?patch(es)?\b/ },
];

/** Texts longer than this are read up to here: a pasted log must not stall the form. */
const MAX_TEXT = 20_000;

export interface ScopeHint {
  /** What the text suggests, or null: nothing recognised, or both kinds (the engineer decides). */
  suggestion: Scope | null;
  /** Why, as a message key with params; null when nothing was recognised. */
  reason: BillingText | null;
  /** Each term recognised, in the order the text names them. */
  matches: { scope: Scope; term: string }[];
}

export function scopeHint(title: string, description = ''): ScopeHint {
  const text = foldText(`${title.slice(0, MAX_TEXT)}\n${description.slice(0, MAX_TEXT)}`);
  const found = TERMS.map((t) => ({ t, at: text.search(t.pattern) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  const matches = found.map(({ t }) => ({ scope: t.scope, term: t.term }));
  const of = (scope: Scope) => matches.filter((m) => m.scope === scope).map((m) => m.term).join(', ');
  const change = of('change_request');
  const support = of('support');
  if (change && support) return { suggestion: null, reason: { key: 'billing.scope.mixed', params: { support, change } }, matches };
  if (change) return { suggestion: 'change_request', reason: { key: 'billing.scope.changeRequest', params: { terms: change } }, matches };
  if (support) return { suggestion: 'support', reason: { key: 'billing.scope.support', params: { terms: support } }, matches };
  return { suggestion: null, reason: null, matches };
}
