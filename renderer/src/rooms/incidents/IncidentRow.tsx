import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PriorityBadge } from '../../components/PriorityBadge';
import { StatusLabel } from '../../components/StatusLabel';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { rowAt } from '../../store/incidentListSlice';
import { useStore } from '../../store/store';

export const ROW_HEIGHT = 34;

/** One incident line; reads its own row from the page cache, so scrolling re-renders only rows. */
export const IncidentRow = memo(function IncidentRow({ index, top }: { index: number; top: number }) {
  const { t } = useTranslation();
  const row = useStore((s) => rowAt(s, index));
  const selected = useStore((s) => row !== undefined && s.selectedId === row.id);
  const select = useStore((s) => s.selectIncident);
  const setActiveIndex = useStore((s) => s.setActiveIndex);
  const language = useStore((s) => s.language);
  const now = useNow();
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };

  if (!row) {
    return (
      <div className="list-row loading" role="row" aria-rowindex={index + 2} style={style}>
        <span role="gridcell" className="skeleton" aria-label={t('incidents.loadingRow')} />
      </div>
    );
  }

  return (
    <div
      id={`incident-row-${row.id}`}
      className="list-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={`${row.priority} ${row.title} — ${row.clientName}`}
      data-testid="incident-row"
      data-incident-id={row.id}
      style={style}
      onClick={() => {
        setActiveIndex(index);
        select(row.id);
      }}
    >
      <span role="gridcell">
        <PriorityBadge priority={row.priority} />
      </span>
      <span role="gridcell" className="col-title" title={row.title}>
        {row.title}
      </span>
      <span role="gridcell" className="col-client" title={row.clientName}>
        <span className="client-code">{row.clientCode}</span>
        <span className="client-name">{row.clientName}</span>
      </span>
      <span role="gridcell" className="col-status">
        <StatusLabel status={row.status} />
      </span>
      <span role="gridcell" className="col-opened">
        <time className="num" dateTime={row.openedAt} title={formatDateTime(row.openedAt, language)}>
          {formatRelative(row.openedAt, now, language)}
        </time>
      </span>
    </div>
  );
});
