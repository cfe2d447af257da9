import { logger } from '../log';
import type { Leadership } from './leadership';

const log = logger('jobs');

/** Default lease: how long a vanished SQLite leader keeps its jobs from running elsewhere. */
export const JOB_LEASE_MS = 30_000;

export interface JobContext {
  /** Aborted when this process loses the lead or shuts down: a long run should stop at the next step. */
  signal: AbortSignal;
}

export interface JobDefinition {
  /** Unique per server; also the lease's / lock's identity, so every process must use the same name. */
  name: string;
  /** Time from the start of one run to the start of the next (a run that takes longer delays the next). */
  everyMs: number;
  run(ctx: JobContext): Promise<void>;
}

export interface JobStatus {
  name: string;
  leading: boolean;
  /** Claims attempted so far: a follower with one or more has found the lead taken. */
  heartbeats: number;
  runs: number;
  failures: number;
}

/** What the server's metrics hear from the scheduler. */
export interface JobObserver {
  leading(job: string, leading: boolean): void;
  ran(job: string, outcome: 'ok' | 'error'): void;
}

export interface JobsOptions {
  leadership: Leadership;
  /** The heartbeat claims or renews each job's lead every third of this. */
  leaseMs?: number;
  observer?: JobObserver;
  /** Wall clock of the leases; every process sharing the store must agree on it. */
  now?: () => number;
}

interface JobState {
  def: JobDefinition;
  leading: boolean;
  /** When the lead is certainly ours until (a lease's expiry; infinite for a lock). */
  heldUntil: number;
  lastStart: number;
  running: Promise<void> | null;
  beat: Promise<void> | null;
  term: AbortController;
  timer: NodeJS.Timeout | null;
  heartbeats: number;
  runs: number;
  failures: number;
}

/**
 * Background jobs with one runner across every server process on a database. Each job has its own
 * heartbeat that claims the lead (server/jobs/leadership.ts) and, while leading, starts a run when
 * one is due. A job never overlaps itself: in a process a run starts only after the previous one
 * ended; across processes only the leader runs, and a run starts only while the lead is held for
 * at least another two heartbeats. Errors are logged and counted, never fatal.
 */
export function createJobs(options: JobsOptions) {
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  const heartbeatMs = Math.max(1, Math.floor(leaseMs / 3));
  const now = options.now ?? Date.now;
  const { leadership, observer } = options;
  const jobs = new Map<string, JobState>();
  let stopped = false;

  function setLeading(job: JobState, leading: boolean): void {
    if (job.leading === leading) return;
    job.leading = leading;
    observer?.leading(job.def.name, leading);
    log.info({ job: job.def.name }, leading ? 'leading the job' : 'no longer leading the job');
    if (!leading) {
      job.term.abort();
      job.term = new AbortController();
    }
  }

  async function run(job: JobState): Promise<void> {
    job.lastStart = now();
    try {
      await job.def.run({ signal: job.term.signal });
      job.runs += 1;
      observer?.ran(job.def.name, 'ok');
    } catch (err) {
      job.failures += 1;
      observer?.ran(job.def.name, 'error');
      log.error({ err, job: job.def.name }, 'job run failed');
    }
  }

  async function heartbeat(job: JobState): Promise<void> {
    job.timer = null;
    if (stopped) return;
    let until: number | null = null;
    try {
      until = await leadership.claim(job.def.name);
    } catch (err) {
      log.warn({ err, job: job.def.name }, 'could not claim the job');
    }
    if (stopped) return;
    job.heartbeats += 1;
    // A failed renewal keeps the lead we already hold until it lapses (the store was only busy).
    if (until !== null) job.heldUntil = until;
    setLeading(job, job.heldUntil > now());
    const due = now() - job.lastStart >= job.def.everyMs;
    if (job.leading && due && !job.running && job.heldUntil - now() > 2 * heartbeatMs) {
      job.running = run(job).finally(() => {
        job.running = null;
      });
    }
    job.timer = setTimeout(() => beat(job), Math.min(heartbeatMs, job.def.everyMs));
    job.timer.unref();
  }

  function beat(job: JobState): void {
    job.beat = heartbeat(job).finally(() => {
      job.beat = null;
    });
  }

  return {
    /** Adds a job and starts its heartbeat (the first claim, and a first run if leading, at once). */
    define(def: JobDefinition): void {
      if (stopped) throw new Error('The job scheduler is closed');
      if (jobs.has(def.name)) throw new Error(`A job named ${def.name} is defined already`);
      if (!(def.everyMs > 0)) throw new Error(`Job ${def.name}: everyMs must be positive`);
      const job: JobState = {
        def,
        leading: false,
        heldUntil: Number.NEGATIVE_INFINITY,
        lastStart: Number.NEGATIVE_INFINITY,
        running: null,
        beat: null,
        term: new AbortController(),
        timer: null,
        heartbeats: 0,
        runs: 0,
        failures: 0,
      };
      jobs.set(def.name, job);
      observer?.leading(def.name, false);
      beat(job);
    },

    status(): JobStatus[] {
      return [...jobs.values()].map((j) => ({
        name: j.def.name,
        leading: j.leading,
        heartbeats: j.heartbeats,
        runs: j.runs,
        failures: j.failures,
      }));
    },

    /** Stops every heartbeat, lets running runs finish (their signal aborted), and gives up the leads. */
    async close(): Promise<void> {
      stopped = true;
      for (const job of jobs.values()) {
        if (job.timer) clearTimeout(job.timer);
        job.term.abort();
      }
      // A claim still in flight may take the lead after all: wait for it, then give everything up.
      await Promise.all([...jobs.values()].map((j) => j.beat));
      await Promise.all([...jobs.values()].map((j) => j.running));
      for (const job of jobs.values()) {
        try {
          await leadership.release(job.def.name);
        } catch (err) {
          log.warn({ err, job: job.def.name }, 'could not release the job; it lapses with its lease');
        }
        setLeading(job, false);
      }
      await leadership.close();
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;
