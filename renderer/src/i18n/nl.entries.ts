import type { enEntries } from './en.entries';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Nederlandse teksten voor het bewerken van registraties, het overzicht van een teamleider en afgesloten maanden. */
export const nlEntries: Texts<typeof enEntries> = {
  timeEntries: {
    actions: 'Acties',
    edit: 'Bewerken',
    editLabel: 'De registratie van {{time}} bewerken',
    delete: 'Verwijderen',
    deleteLabel: 'De registratie van {{time}} verwijderen',
    locked: 'Maand afgesloten',
    lockedTitle: 'Deze maand is afgesloten voor de klant: boek een correctie als nieuwe registratie',
    engineer: 'Engineer',
    me: '{{name}} (ik)',
    editTitle: 'Tijdregistratie bewerken',
    deleteTitle: 'Tijdregistratie verwijderen',
    deleteBody: 'De registratie van {{time}} ({{minutes}}) verdwijnt op elke laptop. De reden blijft in het auditlog.',
    start: 'Begin',
    end: 'Einde',
    note: 'Notitie',
    billable: 'Factureerbaar',
    reason: 'Reden van de wijziging (verplicht)',
    reasonHint: 'Verplicht: blijft bij de registratie en in het auditlog',
    save: 'Wijziging opslaan',
    confirmDelete: 'Registratie verwijderen',
    cancel: 'Annuleren',
    saveFailed: 'De wijziging kon niet worden opgeslagen',
    deleteFailed: 'De registratie kon niet worden verwijderd',
    reasonRequired: 'Geef een reden',
    closeMonth: '{{month}} afsluiten',
    closeMonthLabel: '{{month}} afsluiten voor {{client}}: de registraties erin kunnen dan niet meer veranderen',
    monthClosed: '{{month}} afgesloten',
    closeFailed: 'De maand kon niet worden afgesloten',
  },
};
