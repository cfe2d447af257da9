import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from 'tinybench';

export interface BenchRow {
  name: string;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

export interface BenchSection {
  title: string;
  /** What is compared and why the peer is a fair yardstick. */
  note: string;
  rows: BenchRow[];
  /** Ratios stated in words, e.g. "mutation commit costs 1.4× a raw insert". */
  ratios: string[];
}

/** One table row from a finished tinybench task. */
export function taskRow(task: Bench['tasks'][number]): BenchRow {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
  return { name: task.name, opsPerSec: r.throughput.mean, p50Ms: r.latency.p50, p99Ms: r.latency.p99, samples: r.latency.samplesCount };
}

function fmt(n: number, digits = 2): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

/** One section of docs/benchmarks.md: its heading, note, table and ratios. */
function sectionLines(section: BenchSection): string[] {
  const lines = [
    `## ${section.title}`,
    '',
    section.note,
    '',
    '| case | ops/s | p50 (ms) | p99 (ms) | samples |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of section.rows) lines.push(`| ${r.name} | ${fmt(r.opsPerSec)} | ${fmt(r.p50Ms, 3)} | ${fmt(r.p99Ms, 3)} | ${r.samples} |`);
  lines.push('', ...section.ratios.map((r) => `- ${r}`), '');
  return lines;
}

/** Writes docs/benchmarks.md: machine, date, and per section a table plus the ratios. */
export function writeReport(file: string, sections: BenchSection[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/). Timings are never asserted in tests; compare the ratios,',
    'which hold across machines far better than absolute numbers.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}`,
    '',
  ];
  for (const section of sections) lines.push(...sectionLines(section));
  const text = lines.join('\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return text;
}

/**
 * Replaces these sections in an existing docs/benchmarks.md (same title) or appends them, leaving
 * the others as they were (`npm run bench -- NAME --write`): a section written this way says its
 * own date and machine in its note, since the file's header belongs to the last full run.
 */
export function mergeReport(file: string, sections: BenchSection[]): string {
  const text = fs.readFileSync(file, 'utf8');
  const parts = text.split(/^(?=## )/m);
  for (const section of sections) {
    const rendered = sectionLines(section).join('\n') + '\n';
    const at = parts.findIndex((part) => part.startsWith(`## ${section.title}\n`));
    if (at >= 0) parts[at] = rendered;
    else parts.push(rendered);
  }
  const merged = parts.map((part, i) => (i < parts.length - 1 && !part.endsWith('\n\n') ? `${part}\n` : part)).join('');
  fs.writeFileSync(file, merged);
  return merged;
}
