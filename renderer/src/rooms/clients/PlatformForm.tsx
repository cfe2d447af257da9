import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { issueFor, issueUnder } from '../../lib/issues';
import type { PlatformInput } from '../../store/clientDetailSlice';
import { useStore } from '../../store/store';

const EMPTY: PlatformInput = { name: '', url: '', stack: '', environments: '' };

/** Adds a platform; a refusal keeps what was typed and points at the field. */
export function PlatformForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const create = useStore((s) => s.createPlatform);
  const reset = useStore((s) => s.resetPlatformCreate);
  const state = useStore((s) => s.platformCreate);
  const [input, setInput] = useState<PlatformInput>(EMPTY);

  useEffect(() => reset, [reset]);

  const nameError = issueFor(t, state.error, 'name');
  const urlError = issueFor(t, state.error, 'url');
  const stackError = issueFor(t, state.error, 'stack');
  const envError = issueUnder(t, state.error, 'environments');
  const change = (patch: Partial<PlatformInput>) => setInput((current) => ({ ...current, ...patch }));

  return (
    <form
      className="form platform-form"
      aria-label={t('platforms.add')}
      data-testid="platform-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create(input).then((created) => {
          if (created) onDone();
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <ErrorAlert error={state.error} testId="platform-error" />
      <div className="form-row">
        <Field id="platform-name" label={t('platforms.name')} error={nameError}>
          <input
            {...controlProps('platform-name', nameError)}
            className="input"
            placeholder={t('platforms.namePlaceholder')}
            value={input.name}
            autoFocus
            onChange={(e) => change({ name: e.target.value })}
          />
        </Field>
        <Field id="platform-url" label={t('platforms.url')} error={urlError} optional>
          <input
            {...controlProps('platform-url', urlError)}
            className="input"
            type="url"
            placeholder={t('platforms.urlPlaceholder')}
            value={input.url}
            onChange={(e) => change({ url: e.target.value })}
          />
        </Field>
      </div>
      <div className="form-row">
        <Field id="platform-stack" label={t('platforms.stack')} error={stackError} optional>
          <input
            {...controlProps('platform-stack', stackError)}
            className="input"
            placeholder={t('platforms.stackPlaceholder')}
            value={input.stack}
            onChange={(e) => change({ stack: e.target.value })}
          />
        </Field>
        <Field
          id="platform-environments"
          label={t('platforms.environments')}
          error={envError}
          hint={t('platforms.environmentsHint')}
          optional
        >
          <input
            {...controlProps('platform-environments', envError, t('platforms.environmentsHint'))}
            className="input"
            value={input.environments}
            onChange={(e) => change({ environments: e.target.value })}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={state.pending}>
          {state.pending ? t('platforms.adding') : t('platforms.add')}
        </button>
      </div>
    </form>
  );
}
