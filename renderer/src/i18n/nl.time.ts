import type { Translation } from './en';

type TimeTexts = Pick<Translation, 'timer' | 'staleTimer' | 'timeRoom' | 'duration'>;

/** Nederlandse teksten voor tijdregistratie: de timer in de statusbalk, de startknop en de vraag over een oude timer. */
export const nlTime: TimeTexts = {
  timer: {
    start: 'Timer starten',
    stop: 'Timer stoppen',
    running: 'Timer loopt',
    runningOn: 'Timer op {{target}}',
    runningHere: 'De timer loopt op dit incident',
    starting: 'Starten…',
    stopping: 'Stoppen…',
    startFailed: 'De timer kon niet worden gestart',
    stopFailed: 'De timer kon niet worden gestopt',
    shortcut: 'Timer starten of stoppen op het gekozen incident',
  },
  staleTimer: {
    title: 'Liep de timer nog?',
    body: 'De timer op {{target}} loopt sinds {{startedAt}}, maar Vangnet zag hem het laatst om {{lastHeartbeat}} — {{gap}} geleden. De computer heeft misschien geslapen of is vastgelopen.',
    question: 'Wat was die tijd?',
    stopAtHeartbeat: 'Timer stoppen om {{lastHeartbeat}}',
    stopAtHeartbeatHint: 'De tussentijd was geen werk: de registratie eindigt waar Vangnet hem het laatst zag.',
    keep: 'Laten doorlopen',
    keepHint: 'De tussentijd was werk: de registratie loopt door vanaf de start.',
    splitGap: 'Tussentijd apart zetten',
    splitGapHint: 'De registratie eindigt om {{lastHeartbeat}}; er start nu een nieuwe timer op hetzelfde werk.',
    failed: 'Het antwoord kon niet worden opgeslagen',
  },
  timeRoom: {
    title: 'Tijd',
    views: 'Weergave',
    day: 'Dag',
    week: 'Week',
    previousDay: 'Vorige dag',
    nextDay: 'Volgende dag',
    previousWeek: 'Vorige week',
    nextWeek: 'Volgende week',
    today: 'Vandaag',
    period: 'Periode',
    entries: 'Registraties',
    column: { client: 'Klant', incident: 'Incident', time: 'Start – einde', minutes: 'Minuten' },
    noIncident: 'Geen incident (klanttijd)',
    running: 'loopt',
    empty: 'Geen tijd geregistreerd in deze periode.',
    totals: 'Totalen per klant',
    totalsColumn: { client: 'Klant', raw: 'Werkelijk', rounded: 'Afgerond' },
    roundedTitle: 'Naar boven afgerond per ticket per maand, zoals gefactureerd',
    total: 'Totaal',
    loadFailed: 'Tijdregistraties konden niet worden geladen',
  },
  duration: {
    minutes: '{{minutes}} min',
    hoursMinutes: '{{hours}} u {{minutes}} min',
  },
};
