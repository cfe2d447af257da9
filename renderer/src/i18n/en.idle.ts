/** English strings of the idle question (renderer/src/components/timer/IdleDialog.tsx). */
export const enIdle = {
  idle: {
    title: 'You were away',
    body: 'No input from {{from}} to {{returned}} ({{span}}) while the timer ran on {{target}}.',
    question: 'What was that time?',
    keep: 'Keep it',
    keepHint: 'It was work: the timer keeps running as it is.',
    discard: 'Discard it and stop',
    discardHint: 'The entry ends at {{from}}.',
    discardContinue: 'Discard it and continue',
    discardContinueHint: 'The entry ends at {{from}}; a new timer starts now on the same work.',
    separate: 'Book it on another client',
    separateHint: 'The idle span becomes its own entry there; a new timer starts now on the same work.',
    client: 'Client for the idle time',
    failed: 'The answer could not be saved',
  },
};
