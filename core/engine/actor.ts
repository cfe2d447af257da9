import type { Actor } from '../../shared/domain/common';
import type { Profile } from '../../shared/contract';
import { getMeta } from '../repos/meta';
import { engineerRole } from '../repos/sync';
import type { Db } from '../store/database';

/**
 * Who makes the laptop's changes, with the role the laptop checks mutations against. A profile
 * never paired has no team and no server to answer to: it may do everything (its own admin). A
 * paired laptop takes the role from its engineer's synced row, read at every mutation, so a role
 * changed on the server counts here as soon as the row is pulled. Paired without that row (it
 * cannot happen since pairing writes it; a safeguard) it gets the least role; the server decides anyway.
 */
export function localActor(db: Db, profile: Profile): Actor {
  const base = { id: profile.engineerId, name: profile.name, kind: 'engineer' as const };
  if (!getMeta(db, 'sync.token')) return { ...base, role: 'admin' };
  return { ...base, role: engineerRole(db, profile.engineerId) ?? 'engineer' };
}
