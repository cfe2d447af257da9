import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { MergeIntoDialog } from './MergeIntoDialog';

/** The "Merge into…" button of an unmerged ticket; focus comes back to it when the dialog is left. */
export function MergeIntoAction({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (incident.mergedInto !== null) return null;
  return (
    <>
      <button ref={button} type="button" className="btn btn-small" data-testid="merge-into-open" onClick={() => setOpen(true)}>
        {t('bundling.mergeInto')}
      </button>
      {open ? (
        <MergeIntoDialog
          incident={incident}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
