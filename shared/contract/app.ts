import { z } from 'zod';
import { line } from '../domain/common';
import { call, NoArgs } from './common';

export const Profile = z.object({
  engineerId: z.string(),
  name: z.string(),
  deviceId: z.string(),
});
export type Profile = z.infer<typeof Profile>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  deviceId: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const EngineerSummary = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), active: z.boolean() });

/** The app itself, this laptop's engineer, and the engineers the office server knows. */
export const appCalls = {
  app: {
    info: call(NoArgs, AppInfo),
  },
  profile: {
    get: call(NoArgs, Profile.nullable()),
    set: call(z.object({ name: line(80) }), Profile),
  },
  engineers: {
    list: call(NoArgs, z.array(EngineerSummary)),
  },
} as const;
