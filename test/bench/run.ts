import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIncidentList } from './incidentList.bench';
import { benchMutationCommit } from './mutationCommit.bench';
import { benchPullPage, benchPullStorm } from './pullPage.bench';
import { benchSla } from './sla.bench';
import { benchStartup } from './startup.bench';
import { benchStatement } from './statement.bench';
import { benchInitialSync, benchOfflineDrain } from './sync.bench';
import { benchLiveEdit, benchServerThroughput } from './syncLive.bench';
import { benchSyncVsPouch } from './syncVsPouch.bench';
import { benchTimer } from './timer.bench';
import { mergeReport, writeReport } from './report';

/**
 * `npm run bench`: runs every benchmark and rewrites docs/benchmarks.md.
 * `npm run bench -- drain throughput` runs only those (by function name) and prints, writing nothing;
 * add `--write` to replace just their sections in docs/benchmarks.md.
 * `npm run bench:startup` is `npm run bench -- startup --write`: the start-up section alone (a minute or two).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const all = [
  benchMutationCommit,
  benchIncidentList,
  benchSla,
  benchInitialSync,
  benchOfflineDrain,
  benchLiveEdit,
  benchServerThroughput,
  benchPullPage,
  benchPullStorm,
  benchSyncVsPouch,
  benchStatement,
  benchTimer,
  benchStartup,
];
const write = process.argv.includes('--write');
const only = process.argv
  .slice(2)
  .filter((a) => a !== '--write')
  .map((a) => a.toLowerCase());
const chosen = only.length ? all.filter((b) => only.some((o) => b.name.toLowerCase().includes(o))) : all;
const sections = [];
for (const bench of chosen) sections.push(await bench());
if (only.length && write) process.stdout.write(`${mergeReport(path.join(root, 'docs/benchmarks.md'), sections)}\n`);
else if (only.length) process.stdout.write(`${JSON.stringify(sections, null, 2)}\n`);
else process.stdout.write(`${writeReport(path.join(root, 'docs/benchmarks.md'), sections)}\n`);
