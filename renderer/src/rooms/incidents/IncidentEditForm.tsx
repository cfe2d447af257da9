import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { PriorityPicker } from '../../components/PriorityPicker';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';

/** Inline editor for the fields an engineer may change; a refused save keeps what was typed. */
export function IncidentEditForm({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateIncident);
  const state = useStore((s) => s.incidentUpdate);
  const setEditing = useStore((s) => s.setEditing);
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(incident.description);
  const [priority, setPriority] = useState(incident.priority);
  const titleError = issueFor(t, state.error, 'title');
  const descriptionError = issueFor(t, state.error, 'description');

  return (
    <form
      className="form detail-form"
      aria-label={t('detail.editTitle')}
      data-testid="incident-edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void update({ title, description, priority });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          setEditing(false);
        }
      }}
    >
      <ErrorAlert error={state.error} />
      <Field id="edit-title" label={t('incidentForm.incidentTitle')} error={titleError}>
        <input {...controlProps('edit-title', titleError)} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <PriorityPicker name="edit-priority" value={priority} onChange={setPriority} error={issueFor(t, state.error, 'priority')} />
      <Field id="edit-description" label={t('incidentForm.description')} error={descriptionError}>
        <textarea
          {...controlProps('edit-description', descriptionError)}
          className="textarea"
          rows={6}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={state.pending}>
          {state.pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
