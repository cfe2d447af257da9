import { z } from 'zod';
import { FieldVersions, Id, IsoTime, line, text } from './common';

/** A client's site or application: what an incident is about. */
export const Platform = z.object({
  id: Id,
  clientId: Id,
  name: line(120),
  url: z.url().max(500).nullable(),
  stack: text(200).trim(),
  environments: z.array(line(40)).max(10),
  createdAt: IsoTime,
  createdBy: z.string(),
  fieldVersions: FieldVersions,
});
export type Platform = z.infer<typeof Platform>;
