import { formatHlc, MAX_COUNTER, MAX_DRIFT_MS, parseHlc } from '../hlc';

/**
 * A laptop's clock against the office server's (docs/sync-protocol.md, "Clocks"). Pure: the
 * laptop estimates its offset from each sync reply, the server corrects a push's stamps with the
 * offset of the clock that made them.
 */

/** A laptop clock further off than this is reported (status bar, `vangnet status`). */
export const CLOCK_WARN_MS = 60_000;

/**
 * Offsets up to the drift bound are trusted as they are: within it stamps were always accepted,
 * the estimate carries the network's noise, and the server's receive rule orders later writes
 * after them. Beyond it the laptop's HLC runs on corrected time and the server shifts its stamps.
 */
export const CLOCK_CORRECT_MS = MAX_DRIFT_MS;

/** One request/reply exchange: the laptop's clock when it sent and received, the server's in the reply. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

export interface ClockOffset {
  /** Add to the laptop's clock to get the server's (negative: the laptop runs ahead). */
  offsetMs: number;
  /** The round trip; the estimate is good to half of it. */
  rttMs: number;
  /** The server's time of the estimate. */
  at: number;
}

/**
 * The NTP estimate with one server timestamp: the server read its clock somewhere between the
 * laptop's send and receive, so the midpoint is the best guess and half the round trip the error.
 */
export function estimateOffset(sample: ClockSample): ClockOffset {
  const rttMs = Math.max(0, sample.receivedAt - sample.sentAt);
  return { offsetMs: Math.round(sample.serverTime - (sample.sentAt + sample.receivedAt) / 2), rttMs, at: sample.serverTime };
}

/** How far to move a clock's readings: nothing within the trusted bound, the whole offset beyond. */
export function correctionFor(offsetMs: number): number {
  return Math.abs(offsetMs) > CLOCK_CORRECT_MS ? offsetMs : 0;
}

export interface PushedStamp {
  mutationId: number;
  hlc: string;
}

/**
 * The stamps a push's mutations are applied with. `clientTime` is the reading, when the push was
 * sent, of the clock that stamped them, so `serverNow - clientTime` is their error (plus the
 * request's one-way delay, which only matters within the trusted bound). Each stamp's wall time is
 * shifted by it (counter and node kept), never left further ahead of the server than the drift
 * bound (such a stamp was made on a clock that has changed since: the edit happened before the push
 * arrived, so it is placed at arrival), and kept after the push's earlier stamps, since mutation
 * ids are the order the laptop's edits really happened in. Returns only the changed stamps;
 * malformed ones are left to be refused per mutation.
 */
export function restampPush(mutations: readonly PushedStamp[], clientTime: number, serverNow: number): Map<number, string> {
  const shift = correctionFor(serverNow - clientTime);
  const out = new Map<number, string>();
  let previous: { wallMs: number; counter: number } | null = null;
  for (const m of mutations) {
    let stamp;
    try {
      stamp = parseHlc(m.hlc);
    } catch {
      continue;
    }
    let wallMs = stamp.wallMs + shift;
    let counter = stamp.counter;
    if (wallMs - serverNow > MAX_DRIFT_MS) wallMs = serverNow;
    if (previous && (wallMs < previous.wallMs || (wallMs === previous.wallMs && counter <= previous.counter))) {
      wallMs = previous.wallMs;
      counter = previous.counter + 1;
      if (counter > MAX_COUNTER) {
        wallMs += 1;
        counter = 0;
      }
    }
    previous = { wallMs, counter };
    const hlc = formatHlc({ wallMs: Math.max(0, wallMs), counter, node: stamp.node });
    if (hlc !== m.hlc) out.set(m.mutationId, hlc);
  }
  return out;
}

/** What to tell the person about their clock: which way and how far it is off, or null within the warning bound. */
export function clockWarning(offsetMs: number | null | undefined): { direction: 'ahead' | 'behind'; byMs: number } | null {
  if (offsetMs === null || offsetMs === undefined || Math.abs(offsetMs) <= CLOCK_WARN_MS) return null;
  // The offset is what to add to the laptop's clock: a negative one means the laptop runs ahead.
  return { direction: offsetMs < 0 ? 'ahead' : 'behind', byMs: Math.abs(offsetMs) };
}
