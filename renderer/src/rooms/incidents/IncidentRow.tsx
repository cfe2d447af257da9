import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlaChip } from '../../components/SlaChip';
import { StatusLabel } from '../../components/StatusLabel';
import { RelativeTime } from '../../components/RelativeTime';
import { rowAt } from '../../store/incidentListSlice';
import { useStore } from '../../store/store';

export const ROW_HEIGHT = 34;

/**
 * One incident line; reads its own row from the page cache, so scrolling re-renders only rows. The
 * SLA chips tick by themselves: the row renders again only when its data changes.
 */
export const IncidentRow = memo(function IncidentRow({ index, top }: { index: number; top: number }) {
  const { t } = useTranslation();
  const row = useStore((s) => rowAt(s, index));
  const selected = useStore((s) => row !== undefined && s.selectedId === row.id);
  const select = useStore((s) => s.selectIncident);
  const setActiveIndex = useStore((s) => s.setActiveIndex);
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
      aria-label={`${row.priority} ${row.category === 'new_functionality' ? `${t('changeRequest.marker')}: ` : ''}${row.title} — ${row.clientName}`}
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
        {row.category === 'new_functionality' ? (
          <span className="cr-marker" data-testid="cr-marker">
            {t('changeRequest.marker')}
          </span>
        ) : null}
        {row.title}
      </span>
      <span role="gridcell" className="col-client" title={row.clientName}>
        <span className="client-code">{row.clientCode}</span>
        <span className="client-name">{row.clientName}</span>
      </span>
      <span role="gridcell" className="col-status">
        <StatusLabel status={row.status} />
      </span>
      <span role="gridcell" className="col-sla">
        <SlaChip clock={row.sla?.response ?? null} name="response" />
      </span>
      <span role="gridcell" className="col-sla">
        <SlaChip clock={row.sla?.resolution ?? null} name="resolution" />
      </span>
      <span role="gridcell" className="col-opened">
        <RelativeTime iso={row.openedAt} />
      </span>
    </div>
  );
});
