import { missingCase } from '../../../shared/errors';
import { ClientsRoom } from '../rooms/clients/ClientsRoom';
import { IncidentsRoom } from '../rooms/incidents/IncidentsRoom';
import { TimeRoom } from '../rooms/time/TimeRoom';
import { useStore } from '../store/store';
import { PlaceholderRoom } from './PlaceholderRoom';

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
    case 'oncall':
      return <PlaceholderRoom room={route} />;
    default:
      return missingCase(route);
  }
}
