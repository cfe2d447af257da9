import { useShortcuts } from '../lib/useShortcuts';
import { storeNeedsRestore } from '../store/storeHealthSlice';
import { useStore } from '../store/store';
import { AddClientDialog } from '../rooms/clients/AddClientDialog';
import { NewIncidentDialog } from '../rooms/incidents/NewIncidentDialog';
import { EngineProblem } from './EngineProblem';
import { FirstRunDialog } from './FirstRunDialog';
import { RoomView } from './RoomView';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { BudgetAlertBanner } from './BudgetAlertBanner';
import { SlaAlertBanner } from './SlaAlertBanner';
import { StatusBar } from './StatusBar';
import { StoreDamaged } from './StoreDamaged';
import { SyncDialog } from './sync/SyncDialog';
import { StaleTimerDialog } from './timer/StaleTimerDialog';
import { IdleDialog } from './timer/IdleDialog';
import '../styles/shell.css';

export function App() {
  const profileStatus = useStore((s) => s.profileStatus);
  const needsProfile = useStore((s) => s.profileStatus === 'ready' && s.profile === null);
  const dialog = useStore((s) => s.dialog);
  const storeProblem = useStore((s) => storeNeedsRestore(s.storeStatus));
  const storeOpen = useStore((s) => s.storeStatus?.open ?? true);
  const staleQuestion = useStore((s) => s.staleQuestion);
  const idleQuestion = useStore((s) => s.idleQuestion);
  useShortcuts();

  return (
    <div className="app" data-testid="app-shell">
      <Sidebar />
      <main
        className={storeProblem ? 'main main-with-store-problem' : 'main'}
        aria-busy={profileStatus === 'loading' || profileStatus === 'idle'}
      >
        {storeProblem ? <StoreDamaged /> : null}
        <SlaAlertBanner />
        <BudgetAlertBanner />
        {/* A damaged store that still reads keeps its rooms below the panel; one that cannot open has only the panel. */}
        {storeProblem && !storeOpen ? null : profileStatus === 'error' ? <EngineProblem /> : <RoomView />}
      </main>
      <StatusBar />
      {/* Pairing is the other way in: the office server says who this laptop belongs to. */}
      {needsProfile && dialog !== 'sync' ? <FirstRunDialog /> : null}
      {!needsProfile && dialog === 'newIncident' ? <NewIncidentDialog /> : null}
      {!needsProfile && dialog === 'newClient' ? <AddClientDialog /> : null}
      {!needsProfile && dialog === 'shortcuts' ? <ShortcutsDialog /> : null}
      {dialog === 'sync' ? <SyncDialog /> : null}
      {/* A timer found with an old heartbeat must be answered before anything else (docs/time.md). */}
      {!needsProfile && staleQuestion ? <StaleTimerDialog key={staleQuestion.entry.id} question={staleQuestion} /> : null}
      {!needsProfile && !staleQuestion && idleQuestion ? <IdleDialog key={idleQuestion.idleFrom} question={idleQuestion} /> : null}
    </div>
  );
}
