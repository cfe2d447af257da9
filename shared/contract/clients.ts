import { z } from 'zod';
import { Client } from '../domain/client';
import { Id } from '../domain/common';
import { Platform } from '../domain/platform';
import { ClientCreateArgs } from '../mutations/client';
import { PlatformCreateArgs, PlatformDeleteArgs } from '../mutations/contract';
import { call } from './common';

export const ClientSummary = Client.extend({ openIncidents: z.number().int() });
export type ClientSummary = z.infer<typeof ClientSummary>;

/** The mutation's arguments less what the engine adds: the id, and a code made from the name when none is given. */
export const ClientCreateInput = ClientCreateArgs.omit({ id: true }).partial({ code: true });

export const clientCalls = {
  clients: {
    list: call(z.object({ search: z.string().max(200).optional() }), z.array(ClientSummary)),
    create: call(ClientCreateInput, Client),
  },
  platforms: {
    list: call(z.object({ clientId: Id }), z.array(Platform)),
    create: call(PlatformCreateArgs.omit({ id: true }), Platform),
    /** Deletes everywhere (a tombstone); leads and admins only. */
    delete: call(PlatformDeleteArgs, PlatformDeleteArgs),
  },
} as const;
