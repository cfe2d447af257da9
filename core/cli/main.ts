import os from 'node:os';
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json';
import type { ArgsIn, CallName, ResultOf } from '../../shared/contract';
import { toErrorInfo } from '../../shared/errors';
import { dispatch } from '../engine/dispatch';
import { type Engine, openEngine } from '../engine/engine';
import { defaultDataDir } from '../store/paths';
import { registerAuditCommands } from './auditCommands';
import { registerClientCommands } from './clientCommands';
import { registerContractCommands } from './contractCommands';
import { registerDemoCommands } from './demoCommands';
import { registerIncidentCommands } from './incidentCommands';
import { registerBundlingCommands } from './bundlingCommands';
import { registerChangeRequestCommands } from './changeRequestCommands';
import { registerSettingsCommands } from './settingsCommands';
import { registerStoreCommands } from './storeCommands';
import { registerSyncCommands } from './syncCommands';
import { registerTimeCommands } from './timeCommands';
import { registerBudgetCommands } from './budgetCommands';
import { registerStatementCommands } from './statementCommands';
import { registerMonthCommands } from './monthCommands';
import { CliError, formatError, type Output, stdOutput } from './output';

/** What every command gets: the open engine, the output, and typed access to the contract. */
export interface CliContext {
  engine: Engine;
  output: Output;
  call<N extends CallName>(name: N, args: ArgsIn<N>): Promise<ResultOf<N>>;
}

export type WithContext = (run: (ctx: CliContext) => Promise<void>) => () => Promise<void>;

/** What the `store` commands get: the data folder, not an engine — they must work when it cannot open. */
export interface DataDirContext {
  dataDir: string;
  output: Output;
  /** Sets the exit code without printing an error (a check that found damage has still done its job). */
  setExitCode(code: number): void;
}

export type WithDataDir = (run: (ctx: DataDirContext) => Promise<void>) => () => Promise<void>;

/**
 * `vangnet` — the engineer's CLI on the same local store as the app. Every command accepts `--json`
 * and then prints exactly one JSON document; errors go to stderr with a non-zero exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('vangnet')
    .description("Vangnet — the support engineer's console, from the command line")
    .option('--home <dir>', "data folder (default: the app's data folder, or $VANGNET_HOME)")
    .option('--json', 'print one JSON document instead of text')
    .version(pkg.version, '-V, --version', "print Vangnet's version")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  let exitCode = 0;
  const fail = (output: Output, err: unknown): void => {
    output.err(formatError(err instanceof CliError ? err.info : toErrorInfo(err)));
    exitCode = err instanceof CliError ? err.exitCode : 1;
  };
  const withDataDir: WithDataDir = (run) => async () => {
    const opts = program.opts<{ home?: string; json?: boolean }>();
    const output = stdOutput(Boolean(opts.json));
    try {
      await run({ dataDir: opts.home ?? defaultDataDir(), output, setExitCode: (code) => (exitCode = code) });
    } catch (err) {
      fail(output, err);
    }
  };
  const withContext: WithContext = (run) => async () => {
    const opts = program.opts<{ home?: string; json?: boolean }>();
    const output = stdOutput(Boolean(opts.json));
    let engine: Engine | undefined;
    try {
      engine = openEngine({ dataDir: opts.home ?? defaultDataDir(), version: pkg.version });
      // Before a server is paired, the engineer is a local profile; the CLI defaults it to the OS user.
      engine.ensureProfile(os.userInfo().username || 'engineer');
      const opened = engine;
      const call = async <N extends CallName>(name: N, args: ArgsIn<N>): Promise<ResultOf<N>> => {
        const result = await dispatch(opened, name, args);
        if (!result.ok) throw new CliError(result.error);
        return result.value as ResultOf<N>;
      };
      await run({ engine: opened, output, call });
    } catch (err) {
      fail(output, err);
    } finally {
      engine?.close();
    }
  };

  registerClientCommands(program, withContext);
  registerIncidentCommands(program, withContext);
  registerBundlingCommands(program, withContext);
  registerDemoCommands(program, withContext);
  registerSyncCommands(program, withContext);
  registerContractCommands(program, withContext);
  registerAuditCommands(program, withContext);
  registerSettingsCommands(program, withContext);
  registerTimeCommands(program, withContext);
  registerBudgetCommands(program, withContext);
  registerStatementCommands(program, withContext);
  registerMonthCommands(program, withContext);
  registerChangeRequestCommands(program, withContext);
  registerStoreCommands(program, withContext, withDataDir);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; every other parse problem is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return exitCode;
}
