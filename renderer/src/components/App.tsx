import { useShortcuts } from '../lib/useShortcuts';
import { useStore } from '../store/store';
import { AddClientDialog } from '../rooms/clients/AddClientDialog';
import { NewIncidentDialog } from '../rooms/incidents/NewIncidentDialog';
import { EngineProblem } from './EngineProblem';
import { FirstRunDialog } from './FirstRunDialog';
import { RoomView } from './RoomView';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { SyncDialog } from './sync/SyncDialog';
import '../styles/shell.css';

export function App() {
  const profileStatus = useStore((s) => s.profileStatus);
  const needsProfile = useStore((s) => s.profileStatus === 'ready' && s.profile === null);
  const dialog = useStore((s) => s.dialog);
  useShortcuts();

  return (
    <div className="app" data-testid="app-shell">
      <Sidebar />
      <main className="main" aria-busy={profileStatus === 'loading' || profileStatus === 'idle'}>
        {profileStatus === 'error' ? <EngineProblem /> : <RoomView />}
      </main>
      <StatusBar />
      {/* Pairing is the other way in: the office server says who this laptop belongs to. */}
      {needsProfile && dialog !== 'sync' ? <FirstRunDialog /> : null}
      {!needsProfile && dialog === 'newIncident' ? <NewIncidentDialog /> : null}
      {!needsProfile && dialog === 'newClient' ? <AddClientDialog /> : null}
      {!needsProfile && dialog === 'shortcuts' ? <ShortcutsDialog /> : null}
      {dialog === 'sync' ? <SyncDialog /> : null}
    </div>
  );
}
