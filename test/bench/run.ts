import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIncidentList } from './incidentList.bench';
import { benchMutationCommit } from './mutationCommit.bench';
import { benchSla } from './sla.bench';
import { benchInitialSync, benchLiveEdit, benchOfflineDrain, benchServerThroughput } from './sync.bench';
import { benchSyncVsPouch } from './syncVsPouch.bench';
import { writeReport } from './report';

/** `npm run bench`: runs every benchmark and rewrites docs/benchmarks.md. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sections = [
  await benchMutationCommit(),
  await benchIncidentList(),
  await benchSla(),
  await benchInitialSync(),
  await benchOfflineDrain(),
  await benchLiveEdit(),
  await benchServerThroughput(),
  await benchSyncVsPouch(),
];
const text = writeReport(path.join(root, 'docs/benchmarks.md'), sections);
process.stdout.write(`${text}\n`);
