/**
 * Hybrid logical clock (Kulkarni et al.). Stamps are strings that sort lexically in causal order:
 * `<wall ms, 15 digits>:<counter, 6 digits>:<node id>`. The node id breaks ties deterministically,
 * which is what last-writer-wins merges need.
 */
export interface HlcStamp {
  wallMs: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 999_999;
/** A remote stamp more than this far ahead of our wall clock is refused (DESIGN.md, sync guards). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export class HlcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HlcError';
  }
}

const NODE_RE = /^[A-Za-z0-9_-]{1,64}$/;
const STAMP_RE = /^(\d{15}):(\d{6}):([A-Za-z0-9_-]{1,64})$/;

export function formatHlc(stamp: HlcStamp): string {
  if (!Number.isSafeInteger(stamp.wallMs) || stamp.wallMs < 0 || stamp.wallMs > 999_999_999_999_999) {
    throw new HlcError(`wall time out of range: ${stamp.wallMs}`);
  }
  if (!Number.isInteger(stamp.counter) || stamp.counter < 0 || stamp.counter > MAX_COUNTER) {
    throw new HlcError(`counter out of range: ${stamp.counter}`);
  }
  if (!NODE_RE.test(stamp.node)) throw new HlcError(`invalid node id: ${stamp.node}`);
  return `${String(stamp.wallMs).padStart(15, '0')}:${String(stamp.counter).padStart(6, '0')}:${stamp.node}`;
}

export function parseHlc(text: string): HlcStamp {
  const match = STAMP_RE.exec(text);
  if (!match) throw new HlcError(`not an HLC stamp: ${text.slice(0, 80)}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] as string };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wall time of a stamp as an ISO-8601 UTC string: what a mutation uses as "now". */
export function hlcToIso(text: string): string {
  return new Date(parseHlc(text).wallMs).toISOString();
}

/**
 * A clock for one node. `now` is injected so tests and replays are deterministic.
 * State can be persisted with `last()` and restored through the constructor, so stamps stay
 * monotonic across restarts even if the wall clock went backwards meanwhile.
 */
export class HybridLogicalClock {
  private wallMs: number;
  private counter: number;
  /** The newest stamp observed since start: a rewind never goes below it. */
  private seen = { wallMs: 0, counter: 0 };

  constructor(
    readonly node: string,
    private readonly now: () => number,
    last?: string,
  ) {
    if (!NODE_RE.test(node)) throw new HlcError(`invalid node id: ${node}`);
    const restored = last ? parseHlc(last) : undefined;
    this.wallMs = restored?.wallMs ?? 0;
    this.counter = restored?.counter ?? 0;
  }

  /** A stamp for a local event, strictly greater than every stamp this clock produced or saw. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.counter = 0;
    } else {
      this.bump();
    }
    return this.current();
  }

  /** Merges a stamp received from another node; refuses one too far ahead of our wall clock. */
  receive(remoteText: string): string {
    const remote = parseHlc(remoteText);
    const physical = this.now();
    if (remote.wallMs - physical > MAX_DRIFT_MS) {
      throw new HlcError(`remote clock is ${Math.round((remote.wallMs - physical) / 1000)} s ahead; refusing`);
    }
    const wall = Math.max(this.wallMs, remote.wallMs, physical);
    if (wall === this.wallMs && wall === remote.wallMs) {
      this.counter = Math.max(this.counter, remote.counter);
      this.bump();
    } else if (wall === this.wallMs) {
      this.bump();
    } else if (wall === remote.wallMs) {
      this.wallMs = wall;
      this.counter = remote.counter;
      this.bump();
    } else {
      this.wallMs = wall;
      this.counter = 0;
    }
    return this.current();
  }

  /**
   * The receive rule for stamps already accepted elsewhere (pulled by a laptop, applied by the
   * server): the next tick comes after them. Unlike `receive`, it never refuses: a clock that runs
   * slow must still stamp its next edit after every edit it has seen, or last-writer-wins would
   * undo causality. A stamp the office server could never have accepted is not followed: it was
   * made on a wrong clock, and following it would put every later stamp in the future too. The
   * server accepts stamps up to the drift bound ahead of its clock, and a clock trusted as it is
   * may run up to the drift bound behind the server's, hence twice the bound.
   */
  observe(remoteText: string): void {
    const remote = parseHlc(remoteText);
    if (remote.wallMs - this.now() > 2 * MAX_DRIFT_MS) return;
    if (remote.wallMs > this.wallMs || (remote.wallMs === this.wallMs && remote.counter > this.counter)) {
      this.wallMs = remote.wallMs;
      this.counter = remote.counter;
    }
    if (remote.wallMs > this.seen.wallMs || (remote.wallMs === this.seen.wallMs && remote.counter > this.seen.counter)) {
      this.seen = { wallMs: remote.wallMs, counter: remote.counter };
    }
  }

  /**
   * Moves a clock that ran far ahead (its own stamps made on a wall clock that was wrong) back to
   * `floor`: the newest of its stamps that still count — what the server restamped them to, and
   * stamps not yet corrected. Never below a stamp it observed, never below the present, and only
   * when it is further ahead than the drift bound (nearer, ticking on is harmless).
   */
  rewind(floor: string | null): void {
    const physical = this.now();
    if (this.wallMs - physical <= MAX_DRIFT_MS) return;
    let target = floor ? parseHlc(floor) : { wallMs: 0, counter: 0 };
    if (this.seen.wallMs > target.wallMs || (this.seen.wallMs === target.wallMs && this.seen.counter > target.counter)) {
      target = { ...target, ...this.seen };
    }
    if (target.wallMs - physical > MAX_DRIFT_MS) return;
    if (physical > target.wallMs) target = { ...target, wallMs: physical, counter: 0 };
    this.wallMs = target.wallMs;
    this.counter = target.counter;
  }

  last(): string {
    return this.current();
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than overflow.
      this.wallMs += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }

  private current(): string {
    return formatHlc({ wallMs: this.wallMs, counter: this.counter, node: this.node });
  }
}
