import { z } from 'zod';
import type { Client } from '../domain/client';
import { CLIENT_NAME_MAX, ClientCode } from '../domain/client';
import { Id, line } from '../domain/common';
import { VangnetError } from '../errors';
import { defineMutation } from './define';

export const ClientCreateArgs = z.object({
  id: Id,
  name: line(CLIENT_NAME_MAX),
  code: ClientCode,
});
export type ClientCreateArgs = z.infer<typeof ClientCreateArgs>;

export const clientCreate = defineMutation({
  name: 'client.create',
  args: ClientCreateArgs,
  reads: (args: ClientCreateArgs) => ({
    existing: { table: 'clients', by: 'id', value: args.id },
    sameCode: { table: 'clients', by: 'code', value: args.code },
  }),
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'client.exists', { id: args.id });
    if (rows.sameCode) {
      const by = rows.sameCode.name;
      throw new VangnetError('conflict', 'client.codeTaken', { code: args.code, by }, [{ path: 'code', code: 'taken', params: { by } }]);
    }
    const row: Client = {
      id: args.id,
      name: args.name,
      code: args.code,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      fieldVersions: { name: ctx.hlc, code: ctx.hlc },
    };
    return [{ op: 'insert', table: 'clients', row }];
  },
});
