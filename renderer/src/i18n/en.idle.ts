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
    separate: 'Book it separately',
    separateHint: 'The idle span becomes its own entry on the client or incident picked above; a new timer starts now on the same work.',
    separateLegend: 'Or book it separately, on:',
    client: 'Client for the idle time',
    incident: 'Incident',
    noIncident: 'No incident (the client only)',
    failed: 'The answer could not be saved',
  },
};
