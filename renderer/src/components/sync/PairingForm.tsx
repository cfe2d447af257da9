import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';
import { controlProps, Field } from '../Field';
import { SyncErrorAlert } from './SyncErrorAlert';

/** Pairs an unpaired laptop with the office server using a one-time code from the team lead. */
export function PairingForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const pair = useStore((s) => s.pair);
  const reset = useStore((s) => s.resetPairing);
  const state = useStore((s) => s.pairing);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');

  // A previous attempt's error belongs to that attempt.
  useEffect(() => reset, [reset]);

  const urlError = issueFor(t, state.error, 'serverUrl');
  const codeError = issueFor(t, state.error, 'code');
  const deviceError = issueFor(t, state.error, 'deviceName');

  return (
    <form
      className="form"
      noValidate
      data-testid="pairing-form"
      onSubmit={(e) => {
        e.preventDefault();
        void pair({ serverUrl, code, deviceName });
      }}
    >
      <p className="muted">{t('sync.intro')}</p>
      <SyncErrorAlert error={state.error} testId="pairing-error" pairing />
      <Field id="sync-server-url" label={t('sync.serverUrl')} error={urlError}>
        <input
          {...controlProps('sync-server-url', urlError)}
          className="input input-mono"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder={t('sync.serverUrlPlaceholder')}
          value={serverUrl}
          data-autofocus=""
          onChange={(e) => setServerUrl(e.target.value)}
        />
      </Field>
      <Field id="sync-code" label={t('sync.code')} error={codeError} hint={t('sync.codeHint')}>
        <input
          {...controlProps('sync-code', codeError, t('sync.codeHint'))}
          className="input input-mono"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={t('sync.codePlaceholder')}
          value={code}
          maxLength={64}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </Field>
      <Field id="sync-device-name" label={t('sync.deviceName')} error={deviceError} hint={t('sync.deviceNameHint')} optional>
        <input
          {...controlProps('sync-device-name', deviceError, t('sync.deviceNameHint'))}
          className="input"
          placeholder={t('sync.deviceNamePlaceholder')}
          value={deviceName}
          maxLength={100}
          onChange={(e) => setDeviceName(e.target.value)}
        />
      </Field>
      <p className="sync-note">{t('sync.pairNote')}</p>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={state.pending}>
          {state.pending ? t('sync.pairing') : t('sync.pair')}
        </button>
      </div>
    </form>
  );
}
