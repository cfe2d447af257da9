import type { Translation } from './en';

type ScopeTexts = Pick<Translation, 'scopeHint' | 'changeRequest' | 'scopeFilter'>;

/** Nederlandse teksten van de scopegrens: de scopehint en de kaart van het wijzigingsverzoek. */
export const nlScope: ScopeTexts = {
  scopeHint: {
    label: 'Scopehint',
    useChangeRequest: 'Neem over: wijzigingsverzoek',
    useCategory: 'Neem over: {{category}}',
    suggestionOnly: 'Een suggestie: er verandert niets tot je hem kiest.',
  },
  changeRequest: {
    title: 'Wijzigingsverzoek',
    status: { draft: 'Concept', sent: 'Offerte verstuurd', accepted: 'Geaccepteerd', rejected: 'Afgewezen' },
    isSupport: 'Support: tijd op dit ticket gaat van het budget van de klant af.',
    isChangeRequest: 'Nieuwe ontwikkeling: tijd op dit ticket gaat nooit van het supportbudget af.',
    convert: 'Omzetten naar wijzigingsverzoek',
    startDraft: 'Wijzigingsverzoek starten',
    estimate: 'Schatting (uren)',
    quote: 'Offerte (€)',
    noEstimate: 'Nog geen schatting',
    noQuote: 'Nog geen offerte',
    hours: '{{hours}} u',
    save: 'Schatting en offerte opslaan',
    send: 'Offerte versturen',
    accept: 'Geaccepteerd door klant',
    reject: 'Afgewezen door klant',
    reopen: 'Terug naar concept',
    backToSupport: 'Terug naar support',
    supportCategory: 'Supportcategorie',
    badHours: 'moet een aantal uren boven 0 zijn, zoals 8 of 1,5',
    badAmount: 'moet een bedrag in euro zijn, zoals 950 of 1250,50',
    nothingToSave: 'Vul eerst een schatting of een offerte in',
    quoteForLead: 'Een offerte versturen, accepteren of afwijzen is voor een teamleider.',
    marker: 'Wijzigingsverzoek',
  },
  scopeFilter: {
    label: 'Soort werk',
    all: 'Support en wijzigingsverzoeken',
    support: 'Support',
    changeRequests: 'Wijzigingsverzoeken',
  },
};
