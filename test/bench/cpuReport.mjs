// Preloaded (`node --import`) into every process the start-up bench runs, the `node -e 0` peer
// included: at exit it writes the process's CPU time and its age (both since the process started,
// Node's own bootstrap included) to $VANGNET_BENCH_REPORT.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const file = process.env.VANGNET_BENCH_REPORT;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    fs.writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() }));
  });
}
