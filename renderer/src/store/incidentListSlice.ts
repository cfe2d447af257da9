import type { IncidentListQuery, IncidentListRow } from '../../../shared/contract';
import type { Category, IncidentStatus, Priority } from '../../../shared/domain/incident';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import type { SliceCreator } from './types';

export const PAGE_SIZE = 100;
export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'acknowledged', 'in_progress', 'waiting_on_client'];

export type StatusScope = 'open' | 'all' | IncidentStatus;
export type IncidentSort = NonNullable<IncidentListQuery['sort']>;
export type SlaScope = NonNullable<IncidentListQuery['sla']>;
/** Which side of the scope line (docs/billing.md, "Change requests"): null shows both. */
export type ScopeFilter = NonNullable<IncidentListQuery['scope']>;

export interface IncidentFilter {
  clientId: string | null;
  priorities: Priority[];
  status: StatusScope;
  assigneeId: string | null;
  category: Category | null;
  scope: ScopeFilter | null;
  /** Only clocks at risk now, or only breached ones. */
  sla: SlaScope | null;
  search: string;
  sort: IncidentSort;
}

/** Open incidents, the one closest to breaching its SLA first. */
export const DEFAULT_FILTER: IncidentFilter = {
  clientId: null,
  priorities: [],
  status: 'open',
  assigneeId: null,
  category: null,
  scope: null,
  sla: null,
  search: '',
  sort: 'sla',
};

export interface IncidentListSlice {
  filter: IncidentFilter;
  /** Bumped whenever the rows on screen may be out of date; older answers are dropped. */
  listGeneration: number;
  /** Rows matching the filter, from the engine; null until the first page arrives. */
  total: number | null;
  /** Loaded pages by page number; never the whole table. */
  pages: Record<number, IncidentListRow[]>;
  /** The previous generation's pages, shown while a refresh is under way so rows don't flash. */
  stalePages: Record<number, IncidentListRow[]>;
  loadingPages: Record<number, boolean>;
  listError: ErrorInfo | null;
  visibleRange: { start: number; end: number };
  activeIndex: number | null;
  setFilter(patch: Partial<IncidentFilter>): void;
  /** Updates the search box at once and queries the engine when typing pauses. */
  setSearch(search: string): void;
  clearFilters(): void;
  ensureRows(start: number, end: number): void;
  refreshList(): void;
  moveSelection(delta: number): void;
  setActiveIndex(index: number | null): void;
}

export function rowAt(state: Pick<IncidentListSlice, 'pages' | 'stalePages'>, index: number): IncidentListRow | undefined {
  const page = Math.floor(index / PAGE_SIZE);
  const offset = index % PAGE_SIZE;
  return state.pages[page]?.[offset] ?? state.stalePages[page]?.[offset];
}

export function isFiltered(filter: IncidentFilter): boolean {
  // "Open" is the normal view, not a narrowing the engineer has to undo.
  const narrowStatus = filter.status !== 'all' && filter.status !== 'open';
  return (
    filter.clientId !== null ||
    filter.priorities.length > 0 ||
    narrowStatus ||
    filter.assigneeId !== null ||
    filter.category !== null ||
    filter.scope !== null ||
    filter.sla !== null ||
    filter.search.trim() !== ''
  );
}

function toQuery(filter: IncidentFilter): IncidentListQuery {
  const query: IncidentListQuery = { sort: filter.sort };
  if (filter.clientId) query.clientId = filter.clientId;
  if (filter.priorities.length) query.priorities = filter.priorities;
  if (filter.status === 'open') query.statuses = [...OPEN_STATUSES];
  else if (filter.status !== 'all') query.statuses = [filter.status];
  if (filter.assigneeId) query.assigneeId = filter.assigneeId;
  if (filter.category) query.category = filter.category;
  if (filter.scope) query.scope = filter.scope;
  if (filter.sla) query.sla = filter.sla;
  if (filter.search.trim()) query.search = filter.search.trim().slice(0, 200);
  return query;
}

function pagesIn(range: { start: number; end: number }): number[] {
  const first = Math.floor(Math.max(0, range.start) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, range.end) / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = first; p <= last; p += 1) pages.push(p);
  return pages;
}

const SEARCH_DEBOUNCE_MS = 150;

export const createIncidentListSlice: SliceCreator<IncidentListSlice> = (set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  async function fetchPage(page: number): Promise<void> {
    const generation = get().listGeneration;
    set((s) => ({ loadingPages: { ...s.loadingPages, [page]: true } }));
    const query = { ...toQuery(get().filter), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    const result = await callEngine((api) => api.incidents.list(query));
    if (get().listGeneration !== generation) return;
    if (!result.ok) {
      set((s) => ({ listError: result.error, loadingPages: { ...s.loadingPages, [page]: false } }));
      return;
    }
    set((s) => {
      const pages = { ...s.pages, [page]: result.value.rows };
      const complete = pagesIn(s.visibleRange).every((p) => pages[p] || p * PAGE_SIZE >= result.value.total);
      return {
        pages,
        total: result.value.total,
        listError: null,
        loadingPages: { ...s.loadingPages, [page]: false },
        stalePages: complete ? {} : s.stalePages,
      };
    });
  }

  /** Starts a new generation and loads what is on screen; `keepRows` shows the old rows meanwhile. */
  function reload(keepRows: boolean): void {
    set((s) => ({
      listGeneration: s.listGeneration + 1,
      stalePages: keepRows ? { ...s.stalePages, ...s.pages } : {},
      pages: {},
      loadingPages: {},
      ...(keepRows ? {} : { total: null, activeIndex: null, visibleRange: { start: 0, end: 0 } }),
    }));
    for (const page of pagesIn(get().visibleRange)) void fetchPage(page);
  }

  return {
    filter: DEFAULT_FILTER,
    listGeneration: 0,
    total: null,
    pages: {},
    stalePages: {},
    loadingPages: {},
    listError: null,
    visibleRange: { start: 0, end: 0 },
    activeIndex: null,
    setFilter(patch) {
      clearTimeout(searchTimer);
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      reload(false);
    },
    setSearch(search) {
      set((s) => ({ filter: { ...s.filter, search } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => reload(false), SEARCH_DEBOUNCE_MS);
    },
    clearFilters() {
      clearTimeout(searchTimer);
      set({ filter: { ...DEFAULT_FILTER, sort: get().filter.sort } });
      reload(false);
    },
    ensureRows(start, end) {
      set({ visibleRange: { start, end } });
      const { pages, loadingPages, total } = get();
      for (const page of pagesIn({ start, end })) {
        if (total !== null && page * PAGE_SIZE >= total && page > 0) continue;
        if (!pages[page] && !loadingPages[page]) void fetchPage(page);
      }
    },
    refreshList() {
      reload(true);
    },
    moveSelection(delta) {
      const { total, pages, selectedId } = get();
      if (!total) return;
      // After a refresh the selected incident may have moved (its priority changed): start from it.
      let current = get().activeIndex;
      for (const [page, rows] of Object.entries(pages)) {
        const at = rows.findIndex((r) => r.id === selectedId);
        if (at >= 0) current = Number(page) * PAGE_SIZE + at;
      }
      const next = Math.min(total - 1, Math.max(0, current === null ? 0 : current + delta));
      const row = rowAt(get(), next);
      if (!row) return;
      set({ activeIndex: next });
      get().selectIncident(row.id);
    },
    setActiveIndex(activeIndex) {
      set({ activeIndex });
    },
  };
};
