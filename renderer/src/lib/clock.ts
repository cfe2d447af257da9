import { useSyncExternalStore } from 'react';

interface Ticker {
  subscribe(listener: () => void): () => void;
  now(): number;
}

/**
 * One shared timer per interval for everything on screen, instead of a timer per row. Ticks land
 * on interval boundaries (whole seconds), so every countdown on screen turns over together.
 */
function createTicker(intervalMs: number): Ticker {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    timer = setTimeout(
      () => {
        now = Date.now();
        for (const l of listeners) l();
        schedule();
      },
      intervalMs - (Date.now() % intervalMs),
    );
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        now = Date.now();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
    now() {
      // While nobody listens the timer is off; a first render must not show a stale time. Refreshing
      // only once a full interval has passed keeps two reads in one render equal.
      if (!timer && Date.now() - now >= intervalMs) now = Date.now();
      return now;
    },
  };
}

const everyHalfMinute = createTicker(30_000);
const everySecond = createTicker(1_000);

/** The current time, refreshed every 30 seconds: enough for "5 min ago". */
export function useNow(): number {
  return useSyncExternalStore(everyHalfMinute.subscribe, everyHalfMinute.now);
}

/**
 * A value derived from the wall clock once a second, e.g. a countdown's text. The component
 * re-renders only when the derived value changes, so "3 h 05 m" costs one render a minute, and the
 * list around it never re-renders for the clock at all. `derive` must return a primitive.
 */
export function useEverySecond<T extends string | number | boolean | null>(derive: (now: number) => T): T {
  return useSyncExternalStore(everySecond.subscribe, () => derive(everySecond.now()));
}
