import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { issueFor } from '../../lib/issues';
import { type ComposerMode, EMPTY_DRAFT } from '../../store/incidentActionsSlice';
import { useStore } from '../../store/store';

const MODES: ComposerMode[] = ['reply', 'note'];

/**
 * Writes to the client (a reply, which counts as the first response) or to the team (an internal
 * note). The draft lives in the store per incident, so a refusal or a detour loses nothing.
 */
export function Composer({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const draft = useStore((s) => s.drafts[incidentId] ?? EMPTY_DRAFT);
  const setDraft = useStore((s) => s.setDraft);
  const send = useStore((s) => s.sendDraft);
  const action = useStore((s) => s.incidentAction);
  const sending = action.pending && (action.kind === 'reply' || action.kind === 'note');
  const error = action.error && (action.kind === 'reply' || action.kind === 'note') ? action.error : null;
  const bodyError = issueFor(t, error, 'body');
  const reply = draft.mode === 'reply';

  return (
    <form
      className="composer"
      data-mode={draft.mode}
      aria-label={t('composer.label')}
      data-testid="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-modes" role="radiogroup" aria-label={t('composer.label')}>
        {MODES.map((mode) => (
          <label key={mode} className="composer-mode" data-checked={draft.mode === mode}>
            <input
              type="radio"
              name={`composer-mode-${incidentId}`}
              value={mode}
              checked={draft.mode === mode}
              onChange={() => setDraft(incidentId, { ...draft, mode })}
            />
            {mode === 'note' ? <Icon name="lock" size={12} /> : null}
            {t(`composer.${mode}`)}
          </label>
        ))}
      </div>
      <textarea
        className="textarea composer-body"
        rows={3}
        aria-label={t(`composer.${draft.mode}`)}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby="composer-hint"
        placeholder={t(reply ? 'composer.replyPlaceholder' : 'composer.notePlaceholder')}
        value={draft.body}
        data-testid="composer-body"
        onChange={(e) => setDraft(incidentId, { ...draft, body: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {error ? <ErrorAlert error={error} testId="composer-error" /> : null}
      <div className="composer-footer">
        <span className="field-hint" id="composer-hint">
          {t(reply ? 'composer.replyHint' : 'composer.noteHint')}
        </span>
        <button
          type="submit"
          className={reply ? 'btn btn-primary' : 'btn'}
          disabled={sending}
          title={t('composer.sendShortcut')}
          aria-keyshortcuts="Control+Enter"
          data-testid="composer-send"
        >
          {reply ? <Icon name="send" size={13} /> : null}
          {sending ? t('composer.sending') : t(reply ? 'composer.sendReply' : 'composer.addNote')}
        </button>
      </div>
    </form>
  );
}
