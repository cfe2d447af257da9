import { z } from 'zod';
import { refuseIllFormedText } from '../validation';

/**
 * What every domain file of the contract (shared/contract/*.ts) builds its calls with: each call
 * has an argument schema, validated where it enters the engine, and a result schema.
 */
export function call<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  // Ill-formed text is refused in every argument, however deep, not only in fields typed as text.
  return { args: refuseIllFormedText(args), result };
}

export const NoArgs = z.object({}).strict();
