import { SettingsView } from '../domain/settings';
import { SettingsSetArgs } from '../mutations/settings';
import { call, NoArgs } from './common';

export const settingsCalls = {
  settings: {
    /** The team's settings: the synced row's values, or the defaults while nobody has set any. */
    get: call(NoArgs, SettingsView),
    /** Sets the given fields (at least one); the others keep their value. Answers the settings now in force. */
    set: call(SettingsSetArgs, SettingsView),
  },
} as const;
