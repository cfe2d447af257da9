import { type Command, Option } from 'commander';
import type { SettingsView } from '../../shared/domain/settings';
import { VangnetError } from '../../shared/errors';
import type { WithContext } from './main';
import type { Output } from './output';

function show(output: Output, settings: SettingsView): void {
  output.out(
    output.json
      ? JSON.stringify(settings)
      : [`idle threshold  ${settings.idleThresholdMinutes} min`, `idle detection  ${settings.idleDetection ? 'on' : 'off'}`].join('\n'),
  );
}

/** A whole number as typed; its range is the contract's to check (it names the allowed one). */
function wholeNumber(flag: string, value: string): number {
  if (!/^-?\d{1,6}$/.test(value.trim())) throw new VangnetError('invalid_args', 'cli.idleThreshold', { flag });
  return Number(value);
}

/** `vangnet settings [--json]` and `vangnet settings set …`: the team's synced settings. */
export function registerSettingsCommands(program: Command, withContext: WithContext): void {
  const settings = program
    .command('settings')
    .description("show the team's settings (the defaults until someone sets them)")
    .action(() =>
      withContext(async ({ call, output }) => {
        show(output, await call('settings.get', {}));
      })(),
    );

  settings
    .command('set')
    .description("change the team's settings; synced to every laptop")
    .option('--idle-threshold <minutes>', 'minutes without input before an engineer counts as idle (1-240)')
    .addOption(new Option('--idle-detection <state>', 'detect idle time at all').choices(['on', 'off']))
    .action((opts: { idleThreshold?: string; idleDetection?: 'on' | 'off' }) =>
      withContext(async ({ call, output }) => {
        const args = {
          ...(opts.idleThreshold === undefined ? {} : { idleThresholdMinutes: wholeNumber('--idle-threshold', opts.idleThreshold) }),
          ...(opts.idleDetection === undefined ? {} : { idleDetection: opts.idleDetection === 'on' }),
        };
        if (Object.keys(args).length === 0) {
          throw new VangnetError('invalid_args', 'cli.settingsNothing');
        }
        show(output, await call('settings.set', args));
      })(),
    );
}
