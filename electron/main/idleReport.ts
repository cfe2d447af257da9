import type { PowerMonitor } from 'electron';

/** How often main reads the system idle time for the engine (which decides what it means). */
export const IDLE_REPORT_MS = 15_000;

/**
 * Reports the machine's idle seconds (`powerMonitor.getSystemIdleTime`) to the engine: the shell
 * only measures, the engine (core/time/idleWatch.ts) decides whether that was idle time on a timer.
 */
export function reportIdleTime(powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime'>, report: (seconds: number) => void): () => void {
  const tick = () => report(powerMonitor.getSystemIdleTime());
  const timer = setInterval(tick, IDLE_REPORT_MS);
  tick();
  return () => clearInterval(timer);
}
