import type { ScopeHint } from '../../../shared/billing/scopeHints';
import type { Category } from '../../../shared/domain/incident';
import { scopeOfCategory } from '../../../shared/domain/time';

/** The support category a recognised term points to ("SSL" → security); monitoring for the rest. */
const SUPPORT_TERMS: Readonly<Record<string, Category>> = {
  SSL: 'security',
  certificaat: 'security',
  certificate: 'security',
  firewall: 'security',
  patch: 'security',
  wachtwoord: 'cms_help',
  password: 'cms_help',
};

/**
 * The category "use this" picks for a hint, or null when the hint suggests nothing or agrees with
 * `current` already (then no hint is shown).
 */
export function hintedCategory(hint: ScopeHint, current: Category | null): Category | null {
  if (hint.suggestion === null) return null;
  if (current !== null && scopeOfCategory(current) === hint.suggestion) return null;
  if (hint.suggestion === 'change_request') return 'new_functionality';
  const first = hint.matches.find((m) => m.scope === 'support');
  return (first && SUPPORT_TERMS[first.term]) ?? 'monitoring';
}
