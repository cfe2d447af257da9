import { vangnet } from '../api/vangnet';
import { useStore } from './store';

// A burst of changes (an import, a sync page) arrives as many events; refresh once per burst.
const COALESCE_MS = 40;

/**
 * Subscribes once to the engine's `data.changed` and refreshes the slices that show those tables.
 * Returns the unsubscribe function.
 */
export function followEngineChanges(): () => void {
  let tables = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    timer = undefined;
    const changed = tables;
    tables = new Set();
    const store = useStore.getState();
    // Incident rows show client names and clients show open-incident counts: each table touches both.
    if (changed.has('clients') || changed.has('incidents')) {
      void store.loadClients();
      store.refreshList();
    }
    if (changed.has('incidents')) void store.refreshDetail();
  }

  return vangnet().on('data.changed', (payload) => {
    for (const table of payload.tables) tables.add(table);
    timer ??= setTimeout(flush, COALESCE_MS);
  });
}

/** Reads everything on screen again: at start, and after the engine connection comes back. */
export function reloadAll(): void {
  const store = useStore.getState();
  void store.loadProfile();
  void store.loadClients();
  store.refreshList();
  void store.refreshDetail();
}
