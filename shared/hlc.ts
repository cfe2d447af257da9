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
   * Merges a stamp already accepted by the office server (which refused it if it was too far
   * ahead). Unlike `receive`, it never refuses: a laptop whose clock runs slow must still stamp
   * its next edit after every edit it has seen, or last-writer-wins would undo causality.
   */
  observe(remoteText: string): void {
    const remote = parseHlc(remoteText);
    if (remote.wallMs > this.wallMs || (remote.wallMs === this.wallMs && remote.counter > this.counter)) {
      this.wallMs = remote.wallMs;
      this.counter = remote.counter;
    }
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
