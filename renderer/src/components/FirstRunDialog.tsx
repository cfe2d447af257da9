import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueFor } from '../lib/issues';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { controlProps, Field } from './Field';

/** Asked once per data folder: every change is signed with this name, so nothing else comes first. */
export function FirstRunDialog() {
  const { t } = useTranslation();
  const save = useStore((s) => s.saveProfile);
  const state = useStore((s) => s.profileSave);
  const openDialog = useStore((s) => s.openDialog);
  const [name, setName] = useState('');
  const nameError = issueFor(t, state.error, 'name');

  return (
    <Dialog title={t('firstRun.title')} testId="first-run-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(name);
        }}
      >
        <p className="muted">{t('firstRun.intro')}</p>
        <ErrorAlert error={state.error} />
        <Field id="profile-name" label={t('firstRun.name')} error={nameError}>
          <input
            {...controlProps('profile-name', nameError)}
            className="input"
            autoComplete="name"
            placeholder={t('firstRun.namePlaceholder')}
            value={name}
            data-autofocus=""
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn btn-ghost first-run-pair" data-testid="first-run-pair" onClick={() => openDialog('sync')}>
            {t('firstRun.pairInstead')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={state.pending}>
            {state.pending ? t('common.saving') : t('firstRun.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
