import type { Actor } from '../domain/common';
import { forbidden } from '../permissions';
import type { Loaded, MutationDef, ReadSpecs } from './define';

/** Throws `forbidden` when the mutation's rule refuses `actor`; every host calls it between the reads and `apply`. */
export function authorize<A, S extends ReadSpecs>(def: MutationDef<A, S>, actor: Actor, args: A, rows: Loaded<S>): void {
  const refusal = def.permit?.(actor, args, rows);
  if (refusal) throw forbidden(actor, refusal);
}
