/** English strings of time tracking: the status-bar timer, the start button and the stale-timer question. */
export const enTime = {
  timer: {
    start: 'Start timer',
    stop: 'Stop timer',
    running: 'Timer running',
    /** Status bar: "BAKK · Webshop checkout returns 502 · 0:12:05". */
    runningOn: 'Timer on {{target}}',
    runningHere: 'Timer running on this incident',
    starting: 'Starting…',
    stopping: 'Stopping…',
    startFailed: 'The timer could not be started',
    stopFailed: 'The timer could not be stopped',
    shortcut: 'Start or stop the timer on the selected incident',
  },
  staleTimer: {
    title: 'Was the timer still running?',
    body: 'The timer on {{target}} has been running since {{startedAt}}, but Vangnet last saw it at {{lastHeartbeat}} — {{gap}} ago. The computer may have slept or crashed.',
    question: 'What was that time?',
    stopAtHeartbeat: 'Stop the timer at {{lastHeartbeat}}',
    stopAtHeartbeatHint: 'The gap was not work: the entry ends when Vangnet last saw it.',
    keep: 'Keep it running',
    keepHint: 'The gap was work: the entry keeps running from its start.',
    splitGap: 'Split the gap off',
    splitGapHint: 'The entry ends at {{lastHeartbeat}}; a new timer starts now on the same work.',
    failed: 'The answer could not be saved',
  },
  duration: {
    /** Whole minutes as hours and minutes: "1 h 05 min", "45 min". */
    minutes: '{{minutes}} min',
    hoursMinutes: '{{hours}} h {{minutes}} min',
  },
} as const;
