import type { Handlers } from '../../shared/contract';
import type { ScopeState } from '../../shared/contract/changeRequests';
import { VangnetError } from '../../shared/errors';
import { listChangeRequests } from '../repos/changeRequests';
import { getRowBy } from '../repos/rows';
import type { HandlerDeps } from './handlers';

/** Change requests (docs/billing.md): read a ticket's place on the scope line, and move it. */
export function createChangeRequestHandlers(deps: HandlerDeps): Handlers['changeRequests'] {
  const { db, mutate } = deps;

  const state = (incidentId: string): ScopeState => {
    const incident = getRowBy(db, 'incidents', 'id', incidentId);
    if (!incident) throw new VangnetError('not_found', 'incident.unknown', { id: incidentId }, [{ path: 'id', code: 'unknownIncident' }]);
    const row = getRowBy(db, 'changeRequests', 'id', incidentId);
    const changeRequest = row ? (({ fieldVersions: _, ...view }) => view)(row) : null;
    return { incidentId, category: incident.category, isChangeRequest: incident.category === 'new_functionality', changeRequest };
  };

  return {
    forIncident: ({ incidentId }) => state(incidentId),
    list: (q) => ({ items: listChangeRequests(db, q) }),
    convert: (args) => {
      mutate('incident.convertToChangeRequest', args);
      return state(args.id);
    },
    toSupport: (args) => {
      mutate('incident.convertToSupport', args);
      return state(args.id);
    },
    update: (args) => {
      mutate('changeRequest.update', args);
      return state(args.id);
    },
    setStatus: (args) => {
      mutate('changeRequest.setStatus', args);
      return state(args.id);
    },
  };
}
