import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';

export function AddClientDialog() {
  const { t } = useTranslation();
  const close = useStore((s) => s.closeDialog);
  const create = useStore((s) => s.createClient);
  const reset = useStore((s) => s.resetClientCreate);
  const state = useStore((s) => s.clientCreate);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');

  useEffect(() => reset, [reset]);

  const nameError = issueFor(t, state.error, 'name');
  const codeError = issueFor(t, state.error, 'code');

  return (
    <Dialog title={t('clientForm.title')} onClose={close} testId="add-client-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create({ name, code }).then((created) => {
            if (created) close();
          });
        }}
      >
        <ErrorAlert error={state.error} />
        <Field id="client-name" label={t('clientForm.name')} error={nameError}>
          <input
            {...controlProps('client-name', nameError)}
            className="input"
            placeholder={t('clientForm.namePlaceholder')}
            value={name}
            data-autofocus=""
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id="client-code" label={t('clientForm.code')} error={codeError} hint={t('clientForm.codeHint')} optional>
          <input
            {...controlProps('client-code', codeError, t('clientForm.codeHint'))}
            className="input input-code"
            value={code}
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={state.pending}>
            {state.pending ? t('common.saving') : t('clientForm.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
