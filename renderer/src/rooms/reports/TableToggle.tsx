import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The chart's numbers as a table, behind a button: what a screen reader (or a careful reader) reads instead of the SVG. */
export function TableToggle({ testId, children }: { testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="report-table-toggle">
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={id}
        data-testid={`${testId}-toggle`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('reports.hideTable') : t('reports.showTable')}
      </button>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
