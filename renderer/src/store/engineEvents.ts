import type { VangnetApi } from '../../../shared/contract';
import { vangnet } from '../api/vangnet';
import { useStore } from './store';

// A burst of changes (an import, a sync page) arrives as many events; refresh once per burst.
const COALESCE_MS = 40;

type Store = ReturnType<typeof useStore.getState>;
type Refresh = 'clients' | 'list' | 'detail' | 'clientDetail' | 'engineers' | 'timer' | 'scope' | 'budget' | 'reports';

const REFRESH: Record<Refresh, (store: Store) => void> = {
  clients: (store) => void store.loadClients(),
  list: (store) => store.refreshList(),
  detail: (store) => void store.refreshDetail(),
  clientDetail: (store) => void store.refreshClientDetail(),
  engineers: (store) => void store.loadEngineers(),
  scope: (store) => void store.loadScope(),
  budget: (store) => void store.loadBudget(),
  // The running timer, and whether the engine now asks about a stale one.
  timer: (store) => {
    void store.loadTimer();
    void store.loadStaleQuestion();
    void store.loadIdleQuestion();
    if (store.route === 'time') void store.loadTimeList();
  },
  reports: (store) => {
    if (store.route === 'reports') void store.loadReports();
  },
};

/**
 * Which views show each synced table's rows. A table no view shows needs no entry: its changes
 * refresh nothing.
 */
const SHOWN_IN: Readonly<Record<string, readonly Refresh[]>> = {
  // Incident rows show client names and clients show open-incident counts: each table touches both.
  clients: ['clients', 'list', 'clientDetail'],
  incidents: ['clients', 'list', 'detail', 'scope', 'reports'],
  // Rows carry their clocks: a timeline entry (a pause, a reply) or a new contract moves them.
  incidentEvents: ['list', 'detail'],
  contracts: ['list', 'detail', 'clientDetail', 'budget', 'reports'],
  platforms: ['clientDetail'],
  // A pull that confirms our own change brings only its server audit entry: the history's marks flip.
  audit: ['detail'],
  engineers: ['engineers'],
  timeEntries: ['timer', 'budget', 'reports'],
  // A closed month locks the entries the Time room shows.
  monthCloses: ['timer'],
  changeRequests: ['scope', 'reports'],
  budgetLines: ['budget', 'reports'],
  budgetNotices: ['budget'],
};

/**
 * Subscribes once to the engine's `data.changed` and refreshes the slices that show those tables,
 * to `sync.status` for the status bar and the sync panel, and to `store.status` for the damaged-store panel. Returns the unsubscribe function.
 */
export function followEngineChanges(): () => void {
  let tables = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    timer = undefined;
    const changed = tables;
    tables = new Set();
    const store = useStore.getState();
    const refreshes = new Set<Refresh>();
    for (const table of changed) for (const refresh of SHOWN_IN[table] ?? []) refreshes.add(refresh);
    for (const refresh of refreshes) REFRESH[refresh](store);
  }

  const api = vangnet();
  const offData = api.on('data.changed', (payload) => {
    for (const table of payload.tables) tables.add(table);
    timer ??= setTimeout(flush, COALESCE_MS);
  });
  const offSync = api.on('sync.status', (status) => {
    const store = useStore.getState();
    store.setSync(status);
    // Back in touch with the office server: fetch the older history the open incident lacked.
    if (status.state === 'idle' && store.olderHistory === 'incomplete') void store.fetchOlderHistory({ quiet: true });
  });
  // The store was found damaged (or backed up, or restored): the damaged-store panel follows it.
  const offStore = api.on('store.status', (status) => useStore.getState().setStoreStatus(status));
  // Electron main: an SLA notification was clicked.
  // The engine saw the machine idle past the threshold while the timer ran: ask at once.
  const offIdle = api.on('time.idle', (question) => useStore.getState().setIdleQuestion(question));
  const offOpen = api.on('shell.openIncident', ({ incidentId }) => useStore.getState().openIncident(incidentId));
  return () => {
    offData();
    offSync();
    offStore();
    offOpen();
    offIdle();
    clearTimeout(timer);
  };
}

/**
 * The link to the engine, the same under Electron and the web host (shared/rpcClient.ts): the
 * status bar shows it, and after a restart (events were missed) everything is read again.
 */
export function followLink(api: VangnetApi): () => void {
  return api.onLink((event) => {
    const store = useStore.getState();
    if (event === 'connected') store.setConnection('connected');
    else if (event === 'lost') store.setConnection('reconnecting');
    else reloadAll();
  });
}

/** Reads everything on screen again: at start, and after the engine connection comes back. */
export function reloadAll(): void {
  const store = useStore.getState();
  void store.loadStoreStatus();
  void store.loadProfile();
  void store.loadSync();
  void store.loadEngineers();
  void store.loadClients();
  store.refreshList();
  void store.refreshDetail();
  void store.refreshClientDetail();
  void store.loadTimer();
  void store.loadStaleQuestion();
  void store.loadIdleQuestion();
}
