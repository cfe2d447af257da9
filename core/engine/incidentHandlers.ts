import type { Handlers } from '../../shared/contract';
import { VangnetError } from '../../shared/errors';
import { type IncidentListRecord, queryIncidents } from '../repos/incidentList';
import type { SlaView } from '../../shared/sla/view';
import { getIncidentWithClient } from '../repos/incidents';
import { mergedTimelineFor } from '../repos/bundling';
import type { MutationArgs } from '../../shared/mutations/index';
import type { HandlerDeps } from './handlers';

/** The mutations an incident action runs: each takes the incident's id. */
type IncidentAction = 'incident.update' | 'incident.setStatus' | 'incident.reply' | 'incident.note' | 'incident.assign' | 'incident.setCategory';

/** An incident with its client and clocks, as every incident call answers. */
export function incidentDetail(deps: Pick<HandlerDeps, 'db' | 'sla'>, id: string) {
  const incident = getIncidentWithClient(deps.db, id);
  if (!incident) throw new VangnetError('not_found', 'incident.unknown', { id });
  return { ...incident, sla: deps.sla.view(incident) };
}

/** The incident calls: list with clocks, detail with explanations, and every lifecycle action. */
export function createIncidentHandlers(deps: HandlerDeps): Handlers['incidents'] {
  const { db, mutate, newId, sla, now } = deps;
  const detail = (id: string) => incidentDetail(deps, id);

  /** Runs a mutation on one incident and answers with its fresh detail. */
  function act<N extends IncidentAction>(name: N, args: MutationArgs<N> & { id: string }) {
    mutate(name, args);
    return detail(args.id);
  }

  return {
    list: (query) => {
      const at = now();
      const page = queryIncidents(db, query, at);
      const views = sla.views(page.rows, at);
      // The page's rows are fresh objects: each takes its clocks in place rather than in a copy.
      const rows = page.rows as (IncidentListRecord & { sla: SlaView | null })[];
      for (const row of rows) row.sla = views.get(row.id) ?? null;
      return { ...page, rows };
    },
    get: ({ id }) => detail(id),
    create: (input) => {
      const id = newId();
      mutate('incident.create', { id, ...input });
      return detail(id);
    },
    update: (input) => act('incident.update', input),
    setStatus: ({ id, to, at }) => act('incident.setStatus', { id, to, ...(at ? { at } : {}) }),
    acknowledge: ({ id, at }) => act('incident.setStatus', { id, to: 'acknowledged', ...(at ? { at } : {}) }),
    reply: ({ id, body, at }) => act('incident.reply', { id, body, ...(at ? { at } : {}) }),
    note: ({ id, body, at }) => act('incident.note', { id, body, ...(at ? { at } : {}) }),
    assign: ({ id, assigneeId }) => act('incident.assign', { id, assigneeId }),
    setCategory: ({ id, category }) => act('incident.setCategory', { id, category }),
    timeline: ({ id }) => {
      if (!getIncidentWithClient(db, id)) throw new VangnetError('not_found', 'incident.unknown', { id });
      // With the timelines of the tickets merged into it (docs/billing.md, "Bundling").
      return mergedTimelineFor(db, id);
    },
  };
}
