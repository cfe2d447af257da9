import type { Handlers } from '../../shared/contract';
import type { MonthCloseView } from '../../shared/contract/month';
import { type MonthClose, monthCloseId } from '../../shared/domain/monthClose';
import { VangnetError } from '../../shared/errors';
import { listMonthCloses } from '../repos/monthCloses';
import { getRowBy } from '../repos/rows';
import type { HandlerDeps } from './handlers';

function view(row: MonthClose): MonthCloseView {
  const { fieldVersions: _, ...rest } = row;
  return rest;
}

/** Closing and reopening billing months: the mutations, answered with the row they leave. */
export function createMonthHandlers(deps: HandlerDeps): Handlers['month'] {
  const { db, mutate } = deps;
  const stored = (clientId: string, month: string, call: string): MonthCloseView => {
    const row = getRowBy(db, 'monthCloses', 'id', monthCloseId(clientId, month));
    if (!row) throw new VangnetError('internal', 'call.wroteNoRow', { call });
    return view(row);
  };
  return {
    close: (args) => {
      mutate('month.close', args);
      return stored(args.clientId, args.month, 'month.close');
    },
    reopen: (args) => {
      mutate('month.reopen', args);
      return stored(args.clientId, args.month, 'month.reopen');
    },
    list: ({ clientId }) => listMonthCloses(db, clientId).map(view),
  };
}
