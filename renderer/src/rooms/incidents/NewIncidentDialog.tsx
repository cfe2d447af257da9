import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Priority } from '../../../../shared/domain/incident';
import { CategorySelect } from '../../components/CategorySelect';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { PriorityPicker } from '../../components/PriorityPicker';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';
import { ScopeHintNote } from './ScopeHintNote';

/** Logs a new incident. On a refusal the dialog stays open with everything still filled in. */
export function NewIncidentDialog() {
  const { t } = useTranslation();
  const close = useStore((s) => s.closeDialog);
  const navigate = useStore((s) => s.navigate);
  const create = useStore((s) => s.createIncident);
  const reset = useStore((s) => s.resetIncidentCreate);
  const state = useStore((s) => s.incidentCreate);
  const filterClientId = useStore((s) => s.filter.clientId);
  const clientsReady = useStore((s) => s.clientsStatus === 'ready');
  const allClients = useStore((s) => s.clients);
  const clients = useMemo(
    () => [...allClients].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ id: c.id, label: `${c.name} (${c.code})` })),
    [allClients],
  );
  const [clientId, setClientId] = useState(filterClientId ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [category, setCategory] = useState<Category | null>(null);

  // A previous attempt's error belongs to that attempt.
  useEffect(() => reset, [reset]);

  const clientError = issueFor(t, state.error, 'clientId');
  const titleError = issueFor(t, state.error, 'title');
  const descriptionError = issueFor(t, state.error, 'description');
  const categoryError = issueFor(t, state.error, 'category');

  if (clientsReady && clients.length === 0) {
    return (
      <Dialog title={t('incidentForm.title')} onClose={close} testId="new-incident-dialog">
        <div className="form">
          <p>{t('incidentForm.noClients')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-autofocus=""
              onClick={() => {
                close();
                navigate('clients');
              }}
            >
              {t('incidentForm.goToClients')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('incidentForm.title')} onClose={close} testId="new-incident-dialog" wide>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create({ clientId, title, description, priority, category }).then((created) => {
            if (created) close();
          });
        }}
      >
        <ErrorAlert error={state.error} />
        <Field id="incident-client" label={t('incidentForm.client')} error={clientError}>
          <select
            {...controlProps('incident-client', clientError)}
            className="select"
            value={clientId}
            data-autofocus={clientId ? undefined : ''}
            onChange={(e) => setClientId(e.target.value)}
          >
            <option value="">{t('incidentForm.chooseClient')}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="incident-title" label={t('incidentForm.incidentTitle')} error={titleError}>
          <input
            {...controlProps('incident-title', titleError)}
            className="input"
            placeholder={t('incidentForm.titlePlaceholder')}
            value={title}
            data-autofocus={clientId ? '' : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        <PriorityPicker name="incident-priority" value={priority} onChange={setPriority} error={issueFor(t, state.error, 'priority')} />
        <Field
          id="incident-category"
          label={t('incidentForm.category')}
          error={categoryError}
          hint={category === 'new_functionality' ? t('category.notSupportHint') : undefined}
          optional
        >
          <CategorySelect
            {...controlProps(
              'incident-category',
              categoryError,
              category === 'new_functionality' ? t('category.notSupportHint') : undefined,
            )}
            value={category}
            emptyLabel={t('category.none')}
            onChange={setCategory}
          />
        </Field>
        <ScopeHintNote title={title} description={description} category={category} onUse={setCategory} />
        <Field id="incident-description" label={t('incidentForm.description')} error={descriptionError} optional>
          <textarea
            {...controlProps('incident-description', descriptionError)}
            className="textarea"
            rows={5}
            placeholder={t('incidentForm.descriptionPlaceholder')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={state.pending}>
            {state.pending ? t('common.saving') : t('incidentForm.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
