import type { Priority } from '../../shared/domain/incident';
import { EngineClient } from './engineClient';

export interface SeedIncident {
  client: string; // client code
  title: string;
  priority: Priority;
  description?: string;
  hoursAgo: number;
}

export const DEMO_CLIENTS = [
  { name: 'Bakkerij de Vries', code: 'BAKK' },
  { name: 'Gemeente Zeewolde', code: 'ZEEW' },
  { name: 'Fietsenwinkel Jansen', code: 'FIETS' },
  { name: 'Stichting Groen Utrecht', code: 'SGU' },
  { name: 'Van Dijk Advocaten', code: 'VDA' },
  { name: 'Hotel De Zwaan', code: 'ZWAAN' },
] as const;

export const DEMO_INCIDENTS: SeedIncident[] = [
  {
    client: 'BAKK',
    priority: 'P1',
    hoursAgo: 0.3,
    title: 'Webshop checkout returns 502 after iDEAL payment',
    description:
      'Orders are paid but never confirmed. Started right after the 09:00 deploy.\nMollie dashboard shows the payments as completed.',
  },
  { client: 'ZEEW', priority: 'P1', hoursAgo: 1.2, title: 'Waste collection calendar unreachable (DNS)' },
  { client: 'FIETS', priority: 'P2', hoursAgo: 3, title: 'Stock sync with Lightspeed lags behind by hours' },
  { client: 'VDA', priority: 'P2', hoursAgo: 5, title: 'Contact form no longer sends e-mail' },
  { client: 'ZWAAN', priority: 'P2', hoursAgo: 20, title: 'Booking module shows wrong December rates' },
  { client: 'SGU', priority: 'P3', hoursAgo: 8, title: 'TLS certificate expires in 14 days' },
  { client: 'SGU', priority: 'P3', hoursAgo: 26, title: 'Newsletter double opt-in mail lands in spam' },
  { client: 'BAKK', priority: 'P3', hoursAgo: 50, title: 'Product photos load slowly on mobile' },
  { client: 'ZEEW', priority: 'P3', hoursAgo: 72, title: 'WCAG: focus order of main menu is wrong' },
  { client: 'VDA', priority: 'P4', hoursAgo: 96, title: 'Typo in footer (Chamber of Commerce number)' },
  { client: 'FIETS', priority: 'P4', hoursAgo: 150, title: "Request: extra 'frame size' filter" },
  { client: 'ZWAAN', priority: 'P4', hoursAgo: 200, title: 'Favicon missing in Safari' },
];

/** Sets the profile and adds clients and incidents straight through the engine. */
export async function seed(
  hostUrl: string,
  options: { engineer?: string; clients?: readonly { name: string; code: string }[]; incidents?: SeedIncident[] } = {},
): Promise<{ clientIds: Record<string, string>; incidentIds: string[] }> {
  const engine = await EngineClient.connect(hostUrl);
  try {
    await engine.call('profile.set', { name: options.engineer ?? 'Sanne de Boer' });
    const clientIds: Record<string, string> = {};
    for (const c of options.clients ?? []) clientIds[c.code] = (await engine.call('clients.create', c)).id;
    const incidentIds: string[] = [];
    const now = Date.now();
    for (const i of options.incidents ?? []) {
      const clientId = clientIds[i.client];
      if (!clientId) throw new Error(`seed: unknown client code ${i.client}`);
      const created = await engine.call('incidents.create', {
        clientId,
        title: i.title,
        priority: i.priority,
        ...(i.description ? { description: i.description } : {}),
        openedAt: new Date(now - i.hoursAgo * 3_600_000).toISOString(),
      });
      incidentIds.push(created.id);
    }
    return { clientIds, incidentIds };
  } finally {
    engine.close();
  }
}
