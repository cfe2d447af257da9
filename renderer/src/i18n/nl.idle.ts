import type { enIdle } from './en.idle';

/** Nederlandse teksten van de inactiviteitsvraag. */
export const nlIdle: typeof enIdle = {
  idle: {
    title: 'Je was weg',
    body: 'Geen invoer van {{from}} tot {{returned}} ({{span}}) terwijl de timer liep op {{target}}.',
    question: 'Wat was die tijd?',
    keep: 'Houden',
    keepHint: 'Het was werk: de timer loopt gewoon door.',
    discard: 'Weggooien en stoppen',
    discardHint: 'De registratie eindigt om {{from}}.',
    discardContinue: 'Weggooien en doorgaan',
    discardContinueHint: 'De registratie eindigt om {{from}}; er start nu een nieuwe timer op hetzelfde werk.',
    separate: 'Apart boeken',
    separateHint: 'De inactieve tijd wordt een eigen registratie op de klant of het incident hierboven; er start nu een nieuwe timer op hetzelfde werk.',
    separateLegend: 'Of boek het apart, op:',
    client: 'Klant voor de inactieve tijd',
    incident: 'Incident',
    noIncident: 'Geen incident (alleen de klant)',
    failed: 'Het antwoord kon niet worden opgeslagen',
  },
};
