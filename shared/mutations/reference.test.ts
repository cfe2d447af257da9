import { describe, expect, it } from 'vitest';
import { needsRole, ownOrLead } from '../permissions';
import { mutations } from './index';
import { mutationReference, whoMay } from './reference';

describe('the generated mutation reference says who may run each mutation', () => {
  it('asks the rule itself: none means every engineer, needsRole names the least role and above', () => {
    expect(whoMay({})).toBe('every engineer.');
    expect(whoMay({ permit: (actor) => needsRole(actor, 'lead', 'x') })).toBe('`lead` or `admin` (and the system actor).');
    expect(whoMay({ permit: (actor) => needsRole(actor, 'admin', 'x') })).toBe('`admin` (and the system actor).');
    expect(whoMay({ permit: () => null })).toBe('every engineer.');
  });

  it('says "decided per row" for a rule no role passes without rows (own work, or a rule that reads a row)', () => {
    expect(
      whoMay({
        permit: (actor, _args, rows) => ownOrLead({ ...actor, role: 'engineer' }, (rows as unknown as { x: { id: string } }).x.id),
      }),
    ).toMatch(/^decided per row/);
  });

  it('puts one "Who may" line under every mutation, contract.set for leads', () => {
    const text = mutationReference();
    expect(text.match(/^Who may: /gm)).toHaveLength(Object.keys(mutations).length);
    const contractSet = text.slice(text.indexOf('## `contract.set`'));
    expect(contractSet.slice(0, contractSet.indexOf('Reads:'))).toContain('Who may: `lead` or `admin`');
  });
});
