import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PriorityBadge } from '../../components/PriorityBadge';
import { useStore } from '../../store/store';

/**
 * "Merge into…" (docs/billing.md, "Bundling"): pick another open ticket of the same client, see
 * what `bundling.preview` says the merge saves (and which entries a closed month keeps here), and
 * merge on confirm. The picker is a radio group: Tab reaches it, the arrow keys choose, Enter in the
 * search or on a choice goes on to the merge button. Selection and focus then go to the survivor.
 */
export function MergeIntoDialog({ incident, onClose }: { incident: IncidentDetail; onClose(): void }) {
  const { t } = useTranslation();
  const targets = useStore((s) => s.mergeTargets);
  const loadTargets = useStore((s) => s.loadMergeTargets);
  const preview = useStore((s) => s.mergePreview);
  const loadPreview = useStore((s) => s.loadMergePreview);
  const clear = useStore((s) => s.clearMergeInto);
  const merge = useStore((s) => s.mergeTickets);
  const merging = useStore((s) => s.merging);
  const [search, setSearch] = useState('');
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const groupId = useId();

  useEffect(() => {
    void loadTargets(incident.clientId, incident.id, search);
  }, [incident.clientId, incident.id, search, loadTargets]);
  useEffect(() => clear, [clear]);
  useEffect(() => {
    if (survivorId) void loadPreview(survivorId, incident.id);
  }, [survivorId, incident.id, loadPreview]);

  const survivor = targets.find((x) => x.id === survivorId) ?? null;
  const view = preview?.key === `${survivorId}:${incident.id}` ? preview.view : null;
  const previewError = preview?.key === `${survivorId}:${incident.id}` ? preview.error : null;
  const moving = view?.tickets.find((x) => x.id === incident.id);

  async function confirm(): Promise<void> {
    if (!survivorId) return;
    // On success the survivor is selected: this dialog goes with the merged ticket's pane, and the
    // survivor's title takes the focus (IncidentDetailPane, `focusSurvivor`).
    await merge(survivorId, [incident.id]);
  }

  return (
    <Dialog title={t('bundling.mergeIntoTitle', { title: incident.title })} onClose={onClose} testId="merge-into" wide>
      <p>{t('bundling.mergeIntoIntro', { client: incident.clientName })}</p>
      <label className="field">
        <span className="field-label">{t('bundling.search', { client: incident.clientName })}</span>
        <input
          className="input"
          type="search"
          value={search}
          placeholder={t('bundling.searchPlaceholder')}
          data-autofocus
          data-testid="merge-into-search"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && targets[0]) {
              e.preventDefault();
              setSurvivorId(survivorId ?? targets[0].id);
              document.querySelector<HTMLInputElement>(`[data-testid="merge-into-target"][value="${survivorId ?? targets[0].id}"]`)?.focus();
            }
          }}
        />
      </label>
      <fieldset className="merge-targets" aria-describedby={targets.length === 0 ? `${groupId}-none` : undefined}>
        <legend>{t('bundling.targets', { client: incident.clientName })}</legend>
        {targets.length === 0 ? (
          <p id={`${groupId}-none`} className="muted">
            {t('bundling.noCandidates')}
          </p>
        ) : (
          targets.map((x) => (
            <label key={x.id} className="merge-target">
              <input
                type="radio"
                name={groupId}
                value={x.id}
                checked={x.id === survivorId}
                data-testid="merge-into-target"
                onChange={() => setSurvivorId(x.id)}
              />
              <PriorityBadge priority={x.priority} />
              <span>{x.title}</span>
            </label>
          ))
        )}
      </fieldset>
      <div className="merge-preview" aria-live="polite" data-testid="merge-into-preview">
        {!survivorId ? <p className="muted">{t('bundling.pickFirst')}</p> : null}
        {survivorId && !view && !previewError ? <p className="muted">{t('bundling.previewLoading')}</p> : null}
        {view && survivor ? (
          <>
            <p>
              <strong>
                {view.savedMinutes > 0
                  ? t('bundling.previewSaves', { together: view.togetherMinutes, apart: view.apartMinutes, saved: view.savedMinutes })
                  : t('bundling.previewNoSaving', { together: view.togetherMinutes })}
              </strong>
            </p>
            <p>{t('bundling.previewMoves', { count: (moving?.entryCount ?? 0) - view.keptEntries, title: survivor.title })}</p>
            {view.keptEntries > 0 ? <p data-testid="merge-into-kept">{t('bundling.previewKept', { count: view.keptEntries })}</p> : null}
            <p className="muted">{t('bundling.confirmIrreversible')}</p>
          </>
        ) : null}
      </div>
      <ErrorAlert error={previewError ?? merging.error} testId="merge-into-error" />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('bundling.back')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="merge-into-confirm"
          disabled={!view || merging.pending}
          onClick={() => void confirm()}
        >
          {merging.pending ? t('bundling.merging') : t('bundling.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
