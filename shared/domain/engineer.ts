import { z } from 'zod';
import { ROLES, Role } from './common';

/** An engineer as the office server keeps them: made there (pairing, admin CLI), pulled by laptops. */
export const ENGINEER_ROLES = ROLES;
export const EngineerRole = Role;

export const Engineer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: EngineerRole,
  active: z.boolean(),
});
export type Engineer = z.infer<typeof Engineer>;
