import { z } from 'zod';

/** An engineer as the office server keeps them: made there (pairing, admin CLI), pulled by laptops. */
export const ENGINEER_ROLES = ['engineer', 'lead', 'admin'] as const;
export const EngineerRole = z.enum(ENGINEER_ROLES);

export const Engineer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: EngineerRole,
  active: z.boolean(),
});
export type Engineer = z.infer<typeof Engineer>;
