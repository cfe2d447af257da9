import { useVirtualizer } from '@tanstack/react-virtual';
import { errorText } from '../../lib/errorText';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltered } from '../../store/incidentListSlice';
import { useStore } from '../../store/store';
import { IncidentRow, ROW_HEIGHT } from './IncidentRow';

/**
 * The incident list, virtualised: only the rows in view (plus overscan) are in the DOM, and the
 * slice fetches the pages under them from the engine. The engine's total sizes the scrollbar.
 */
export function IncidentList() {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = useStore((s) => s.total);
  const generation = useStore((s) => s.listGeneration);
  const ensureRows = useStore((s) => s.ensureRows);
  const activeIndex = useStore((s) => s.activeIndex);
  const selectedId = useStore((s) => s.selectedId);
  const moveSelection = useStore((s) => s.moveSelection);
  const listError = useStore((s) => s.listError);

  // We don't run the React Compiler; the virtualizer is used exactly as TanStack documents it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    ensureRows(first, last);
  }, [first, last, generation, ensureRows]);

  // A new filter starts at the top (the slice drops the total until the first page is back).
  useEffect(() => {
    if (total === null && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [total]);

  useEffect(() => {
    if (activeIndex !== null) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  if (total === 0) return <EmptyList />;

  return (
    <div
      className="incident-list"
      role="grid"
      aria-label={t('incidents.listLabel')}
      aria-rowcount={(total ?? 0) + 1}
      aria-busy={total === null}
      aria-activedescendant={selectedId ? `incident-row-${selectedId}` : undefined}
      tabIndex={0}
      data-testid="incident-list"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          moveSelection(e.key === 'ArrowDown' ? 1 : -1);
          e.preventDefault();
        }
      }}
    >
      <div className="list-header" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('incidents.column.priority')}</span>
        <span role="columnheader">{t('incidents.column.title')}</span>
        <span role="columnheader" className="col-client">
          {t('incidents.column.client')}
        </span>
        <span role="columnheader" className="col-status">
          {t('incidents.column.status')}
        </span>
        <span role="columnheader" className="col-sla">
          {t('incidents.column.response')}
        </span>
        <span role="columnheader" className="col-sla">
          {t('incidents.column.resolution')}
        </span>
        <span role="columnheader" className="col-opened">
          {t('incidents.column.opened')}
        </span>
      </div>
      {listError ? (
        <div className="list-error" role="alert">
          {t('incidents.loadFailed')}: {errorText(t, listError)}
        </div>
      ) : null}
      <div ref={scrollRef} className="list-scroll">
        <div role="rowgroup" className="list-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <IncidentRow key={item.key} index={item.index} top={item.start} />
          ))}
        </div>
      </div>
    </div>
  );
}

function EmptyList() {
  const { t } = useTranslation();
  const filtered = useStore((s) => isFiltered(s.filter));
  const clearFilters = useStore((s) => s.clearFilters);
  const openDialog = useStore((s) => s.openDialog);
  return (
    <div className="incident-list" data-testid="incident-list-empty">
      <div className="empty">
        <p className="empty-title">{filtered ? t('incidents.noMatchTitle') : t('incidents.emptyTitle')}</p>
        <p>{filtered ? t('incidents.noMatchBody') : t('incidents.emptyBody')}</p>
        {filtered ? (
          <button type="button" className="btn" onClick={clearFilters}>
            {t('incidents.clearFilters')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => openDialog('newIncident')}>
            {t('incidents.new')}
            <kbd aria-hidden="true">N</kbd>
          </button>
        )}
      </div>
    </div>
  );
}
