/**
 * The app's side of test/integration/timerKill.test.ts, run as its own process: opens the engine on
 * the data folder given, starts a timer through the contract with the engine started (so it beats),
 * says so on stdout and keeps running until it is killed.
 */
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';

const home = process.argv[2];
if (!home) throw new Error('usage: timerChild.ts HOME');
const engine = openEngine({ dataDir: home });
engine.ensureProfile('Sanne');
engine.timers.start();
const client = await dispatch(engine, 'clients.create', { name: 'Acme', code: 'ACME' });
if (!client.ok) throw new Error(client.error.message);
const started = await dispatch(engine, 'time.start', { clientId: (client.value as { id: string }).id, note: 'before the crash' });
if (!started.ok) throw new Error(started.error.message);
process.stdout.write(`started ${JSON.stringify(started.value)}\n`);
setInterval(() => engine.timers.beat(), 50);
