import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './domain/common';
import { englishMessage } from './messages/catalog';
import { VangnetError } from './errors';
import { type ContractSetArgs, contractSet, platformCreate } from './mutations/contract';
import { authorize } from './mutations/index';
import { forbidden, hasRole, needsRole, ownOrLead, SYSTEM_ACTOR } from './permissions';

const engineer = (role: Role, id = 'e1'): Actor => ({ id, name: 'Sanne', kind: 'engineer', role });

describe('roles and rules', () => {
  it('orders the roles engineer < lead < admin; the system actor has them all', () => {
    expect(hasRole(engineer('engineer'), 'lead')).toBe(false);
    expect(hasRole(engineer('lead'), 'lead')).toBe(true);
    expect(hasRole(engineer('lead'), 'admin')).toBe(false);
    expect(hasRole(engineer('admin'), 'lead')).toBe(true);
    // A system actor carrying a lesser role is still allowed: its kind decides.
    expect(hasRole({ ...SYSTEM_ACTOR, role: 'engineer' }, 'admin')).toBe(true);
    expect(SYSTEM_ACTOR).toMatchObject({ id: 'system', kind: 'system', name: 'Vangnet (system)' });
  });

  it('needsRole names the least role that may', () => {
    expect(needsRole(engineer('engineer'), 'lead', 'changeContract')).toEqual({ role: 'lead', action: 'changeContract' });
    expect(needsRole(engineer('admin'), 'lead', 'changeContract')).toBeNull();
  });

  it("ownOrLead: one's own is allowed to anyone, another's only to a lead or an admin", () => {
    expect(ownOrLead(engineer('engineer', 'e1'), 'e1')).toBeNull();
    expect(ownOrLead(engineer('engineer', 'e1'), 'e2')).toMatchObject({ role: 'lead' });
    expect(ownOrLead(engineer('lead', 'e1'), 'e2')).toBeNull();
    expect(ownOrLead(engineer('admin', 'e1'), 'e2')).toBeNull();
    expect(ownOrLead(SYSTEM_ACTOR, 'e2')).toBeNull();
  });

  it('a refusal is a forbidden error naming the role needed, also as a param for the UI', () => {
    const err = forbidden(engineer('engineer'), { role: 'lead', action: 'changeContract' });
    expect(err).toBeInstanceOf(VangnetError);
    expect(err.toInfo()).toEqual({
      code: 'forbidden',
      key: 'permission.forbidden',
      message: 'Changing a contract needs the lead role; Sanne has the engineer role',
      params: { action: 'changeContract', role: 'lead', name: 'Sanne', has: 'engineer' },
    });
    // Keys, not words: a param that is not a known key is left as it is.
    expect(englishMessage('permission.forbidden', { action: 'somethingNew', role: 'lead', name: 'Sanne', has: 'engineer' })).toBe(
      'somethingNew needs the lead role; Sanne has the engineer role',
    );
  });
});

describe('authorize', () => {
  // The rule looks at the actor only; the terms don't matter here.
  const args = { id: '0190a0a0-0000-7000-8000-000000000001', clientId: '0190a0a0-0000-7000-8000-000000000002' } as ContractSetArgs;
  const rows = { existing: undefined, client: undefined };

  it('contract.set is for leads and admins (and the system)', () => {
    expect(() => authorize(contractSet, engineer('engineer'), args, rows)).toThrow(/needs the lead role/);
    for (const actor of [engineer('lead'), engineer('admin'), SYSTEM_ACTOR]) expect(() => authorize(contractSet, actor, args, rows)).not.toThrow();
  });

  it('platform.create is open to every engineer', () => {
    const p = platformCreate.args.parse({ id: args.id, clientId: args.clientId, name: 'Site' });
    expect(() => authorize(platformCreate, engineer('engineer'), p, { existing: undefined, client: undefined })).not.toThrow();
  });
});
