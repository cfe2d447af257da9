import type { Category } from '../../shared/domain/incident';

/** Material for a realistic Dutch agency's book of clients and the support questions they send. */
export const CLIENT_NAMES = [
  ['Bakkerij de Vries', 'BAKKER'],
  ['Zorgplein Online', 'ZORGPL'],
  ['Fietsenhandel Jansen', 'FIETS'],
  ['Gemeente Oosterwold', 'OOSTW'],
  ['Stichting Kinderopvang Rivierenland', 'SKOR'],
  ['Van der Berg Advocaten', 'VDBERG'],
  ['Tulpenveiling Holland', 'TULP'],
  ['Hotel De Gouden Leeuw', 'LEEUW'],
  ['Dierenkliniek Utrecht', 'DIERUT'],
  ['Museum aan de Maas', 'MAAS'],
  ['Koffiebranderij Mokka', 'MOKKA'],
  ['Transportbedrijf Visser', 'VISSER'],
  ['Sportschool Fit & Vrij', 'FITVRIJ'],
  ['Woningcorporatie Thuis', 'THUIS'],
  ['Boekhandel Het Leesteken', 'LEES'],
  ['Installatiebedrijf Smit', 'SMIT'],
] as const;

/** Incident titles by the seed's always-support categories, and change requests that are not support. */
export const INCIDENT_TITLES: readonly (readonly [string, 'P1' | 'P2' | 'P3' | 'P4'])[] = [
  ['Website onbereikbaar — 502 Bad Gateway', 'P1'],
  ['Productieomgeving plat na deploy', 'P1'],
  ['Checkout geeft foutmelding bij iDEAL-betaling', 'P1'],
  ['Database overbelast, laadtijd > 10 s', 'P1'],
  ['Geheugengebruik webserver boven 90 %', 'P2'],
  ['Back-up van vannacht mislukt', 'P2'],
  ['SSL-certificaat verloopt over 5 dagen', 'P2'],
  ['Kritieke beveiligingsupdate WordPress-plugin', 'P2'],
  ['Verdachte inlogpogingen in serverlogs', 'P2'],
  ['Firewallregel voor nieuwe koppeling', 'P3'],
  ['Contactformulier verstuurt geen e-mail meer', 'P2'],
  ['Zoekfunctie geeft geen resultaten', 'P3'],
  ['Afbeeldingen laden traag op mobiel', 'P3'],
  ['CMS-rol wijzigen: collega vertrekt', 'P3'],
  ['Wachtwoord vergeten voor CMS-account', 'P4'],
  ['Nieuwe redacteur toegang geven tot CMS', 'P4'],
  ['Layoutprobleem op tablet in productoverzicht', 'P4'],
  ['Menu klapt niet uit in Safari', 'P3'],
  ['Opschalen voor campagne volgende week', 'P3'],
  ['Nieuwsbriefinschrijving werkt niet', 'P3'],
  ['Cookiebanner verschijnt dubbel', 'P4'],
  ['Sitemap wordt niet meer bijgewerkt', 'P4'],
  ['PDF-facturen hebben verkeerde datum', 'P3'],
  ['Website traag sinds vanochtend', 'P2'],
  ['Verzoek: extra betaalprovider toevoegen', 'P4'],
  ['Verzoek: chatmodule op de website', 'P4'],
  ['Verzoek: videoconsulten toevoegen', 'P4'],
];

export const INCIDENT_DETAILS = [
  'Gemeld door de klant per telefoon.',
  'Monitoring sloeg alarm om {time}.',
  'Klant stuurde een screenshot mee; zie bijlage in de mail.',
  'Treedt alleen op bij ingelogde gebruikers.',
  'Sinds de laatste update; vorige week werkte het nog.',
  '',
];

/** The category each demo title is filed under: the seed's always-support categories, and new functionality. */
export const TITLE_CATEGORIES: Readonly<Record<string, Category>> = {
  'Website onbereikbaar — 502 Bad Gateway': 'monitoring',
  'Productieomgeving plat na deploy': 'bugfix',
  'Checkout geeft foutmelding bij iDEAL-betaling': 'bugfix',
  'Database overbelast, laadtijd > 10 s': 'monitoring',
  'Geheugengebruik webserver boven 90 %': 'monitoring',
  'Back-up van vannacht mislukt': 'monitoring',
  'SSL-certificaat verloopt over 5 dagen': 'security',
  'Kritieke beveiligingsupdate WordPress-plugin': 'security',
  'Verdachte inlogpogingen in serverlogs': 'security',
  'Firewallregel voor nieuwe koppeling': 'security',
  'Contactformulier verstuurt geen e-mail meer': 'bugfix',
  'Zoekfunctie geeft geen resultaten': 'bugfix',
  'Afbeeldingen laden traag op mobiel': 'bugfix',
  'CMS-rol wijzigen: collega vertrekt': 'cms_help',
  'Wachtwoord vergeten voor CMS-account': 'cms_help',
  'Nieuwe redacteur toegang geven tot CMS': 'cms_help',
  'Layoutprobleem op tablet in productoverzicht': 'bugfix',
  'Menu klapt niet uit in Safari': 'bugfix',
  'Opschalen voor campagne volgende week': 'scaling',
  'Nieuwsbriefinschrijving werkt niet': 'bugfix',
  'Cookiebanner verschijnt dubbel': 'bugfix',
  'Sitemap wordt niet meer bijgewerkt': 'bugfix',
  'PDF-facturen hebben verkeerde datum': 'bugfix',
  'Website traag sinds vanochtend': 'monitoring',
  'Verzoek: extra betaalprovider toevoegen': 'new_functionality',
  'Verzoek: chatmodule op de website': 'new_functionality',
  'Verzoek: videoconsulten toevoegen': 'new_functionality',
};

/** Notes on demo time entries, as engineers write them. */
export const TIME_NOTES = ['', '', '', 'Logs doorgenomen', 'Klant gebeld', 'Fix uitgerold', 'Getest op staging', 'Overleg met collega'];
/** Time on a client without an incident: the quarterly SLA review, a campaign check-in. */
export const CLIENT_TIME_NOTES = ['Kwartaalreview SLA', 'Overleg campagneplanning', 'Documentatie rollen en API-sleutels bijgewerkt'];
