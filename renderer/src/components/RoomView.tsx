import { lazy, Suspense } from 'react';
import { missingCase } from '../../../shared/errors';
import { ClientsRoom } from '../rooms/clients/ClientsRoom';
import { IncidentsRoom } from '../rooms/incidents/IncidentsRoom';
import { TimeRoom } from '../rooms/time/TimeRoom';
import { useStore } from '../store/store';
import { PlaceholderRoom } from './PlaceholderRoom';

// The Reports room carries the charting library: a chunk of its own, fetched on the first visit (issue 13).
const ReportsRoom = lazy(() => import('../rooms/reports/ReportsRoom').then((m) => ({ default: m.ReportsRoom })));

/** The room the sidebar points at. */
export function RoomView() {
  const route = useStore((s) => s.route);
  switch (route) {
    case 'incidents':
      return <IncidentsRoom />;
    case 'clients':
      return <ClientsRoom />;
    case 'time':
      return <TimeRoom />;
    case 'reports':
      return (
        <Suspense fallback={<section className="room" aria-busy="true" data-testid="room-reports-loading" />}>
          <ReportsRoom />
        </Suspense>
      );
    case 'oncall':
      return <PlaceholderRoom room={route} />;
    default:
      return missingCase(route);
  }
}
