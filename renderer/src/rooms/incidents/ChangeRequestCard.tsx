import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import type { ChangeRequestView } from '../../../../shared/contract/changeRequests';
import type { ChangeRequestStatus } from '../../../../shared/domain/changeRequest';
import { CATEGORIES, type Category } from '../../../../shared/domain/incident';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { estimateMinutesOf, eurosText, hoursText, quoteCentsOf } from '../../lib/crInput';
import { useStore } from '../../store/store';
import { ScopeHintNote } from './ScopeHintNote';

type SupportCategory = Exclude<Category, 'new_functionality'>;
const SUPPORT = CATEGORIES.filter((c): c is SupportCategory => c !== 'new_functionality');
const money = (cents: number, language: string) =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The ticket's side of the scope line, its scope hint, and its change request: estimate, quote, status and the next steps. */
export function ChangeRequestCard({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const scope = useStore((s) => s.scope);
  const action = useStore((s) => s.scopeAction);
  const loadScope = useStore((s) => s.loadScope);
  const convert = useStore((s) => s.convertToChangeRequest);
  const categorise = useStore((s) => s.categorise);

  useEffect(() => void loadScope(), [loadScope, incident.id, incident.category]);
  const current = scope?.incidentId === incident.id ? scope : null;
  const isCr = incident.category === 'new_functionality';
  const cr = current?.changeRequest ?? null;

  const useHint = (category: Category) => void (category === 'new_functionality' ? convert({}) : categorise(category));

  return (
    <section className="cr-card" aria-labelledby="cr-title" data-testid="change-request-card">
      <div className="cr-head">
        <h3 id="cr-title" className="section-title">
          {t('changeRequest.title')}
        </h3>
        {isCr && cr ? (
          <span className="cr-chip" data-testid="cr-status">
            {t(`changeRequest.status.${cr.status}`)}
          </span>
        ) : null}
      </div>
      <p className="muted">{isCr ? t('changeRequest.isChangeRequest') : t('changeRequest.isSupport')}</p>
      {isCr ? null : (
        <ScopeHintNote
          title={incident.title}
          description={incident.description}
          category={incident.category}
          onUse={useHint}
          disabled={action.pending}
        />
      )}
      <ErrorAlert error={action.error} testId="cr-error" />
      {!isCr || !cr ? (
        <div className="cr-actions">
          <button type="button" className="btn" disabled={action.pending} data-testid="cr-convert" onClick={() => void convert({})}>
            {isCr ? t('changeRequest.startDraft') : t('changeRequest.convert')}
          </button>
        </div>
      ) : (
        <ChangeRequestBody key={`${cr.id}:${cr.status}`} cr={cr} />
      )}
    </section>
  );
}

function ChangeRequestBody({ cr }: { cr: ChangeRequestView }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const pending = useStore((s) => s.scopeAction.pending);
  const update = useStore((s) => s.updateChangeRequest);
  const setStatus = useStore((s) => s.setChangeRequestStatus);
  const toSupport = useStore((s) => s.convertToSupport);
  const [estimate, setEstimate] = useState(hoursText(cr.estimateMinutes));
  const [quote, setQuote] = useState(eurosText(cr.quoteCents));
  const [back, setBack] = useState<SupportCategory>('bugfix');
  const [checked, setChecked] = useState(false);

  const minutes = estimateMinutesOf(estimate);
  const cents = quoteCentsOf(quote);
  const estimateError = checked && Number.isNaN(minutes) ? t('changeRequest.badHours') : undefined;
  const quoteError = checked && Number.isNaN(cents) ? t('changeRequest.badAmount') : undefined;
  const step = (to: ChangeRequestStatus, label: string, primary = false) => (
    <button
      type="button"
      className={primary ? 'btn btn-primary' : 'btn'}
      disabled={pending}
      data-testid={`cr-${to}`}
      onClick={() => void setStatus(to)}
    >
      {label}
    </button>
  );

  return (
    <>
      <dl className="cr-figures">
        <dt>{t('changeRequest.estimate')}</dt>
        <dd data-testid="cr-estimate">
          {cr.estimateMinutes === null ? t('changeRequest.noEstimate') : t('changeRequest.hours', { hours: hoursText(cr.estimateMinutes) })}
        </dd>
        <dt>{t('changeRequest.quote')}</dt>
        <dd data-testid="cr-quote">{cr.quoteCents === null ? t('changeRequest.noQuote') : money(cr.quoteCents, language)}</dd>
      </dl>
      {cr.status === 'draft' ? (
        <form
          className="cr-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
            if (Number.isNaN(minutes) || Number.isNaN(cents)) return;
            const changes = {
              ...(minutes === cr.estimateMinutes ? {} : { estimateMinutes: minutes ?? null }),
              ...(cents === cr.quoteCents ? {} : { quoteCents: cents ?? null }),
            };
            if (Object.keys(changes).length > 0) void update(changes);
          }}
        >
          <Field id="cr-estimate-input" label={t('changeRequest.estimate')} error={estimateError}>
            <input
              {...controlProps('cr-estimate-input', estimateError)}
              className="input"
              inputMode="decimal"
              value={estimate}
              onChange={(e) => setEstimate(e.target.value)}
            />
          </Field>
          <Field id="cr-quote-input" label={t('changeRequest.quote')} error={quoteError}>
            <input
              {...controlProps('cr-quote-input', quoteError)}
              className="input"
              inputMode="decimal"
              value={quote}
              onChange={(e) => setQuote(e.target.value)}
            />
          </Field>
          <div className="cr-actions">
            <button type="submit" className="btn" disabled={pending} data-testid="cr-save">
              {t('changeRequest.save')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="cr-actions">
        {cr.status === 'draft' ? step('sent', t('changeRequest.send'), true) : null}
        {cr.status === 'sent' ? step('accepted', t('changeRequest.accept'), true) : null}
        {cr.status === 'sent' ? step('rejected', t('changeRequest.reject')) : null}
        {cr.status === 'draft' ? null : step('draft', t('changeRequest.reopen'))}
      </div>
      {cr.status === 'draft' ? (
        <div className="cr-actions">
          <label className="visually-hidden" htmlFor="cr-back-category">
            {t('changeRequest.supportCategory')}
          </label>
          <select id="cr-back-category" className="select" value={back} onChange={(e) => setBack(e.target.value as SupportCategory)}>
            {SUPPORT.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
          <button type="button" className="btn" disabled={pending} data-testid="cr-to-support" onClick={() => void toSupport(back)}>
            {t('changeRequest.backToSupport')}
          </button>
        </div>
      ) : null}
      <p className="muted">{t('changeRequest.quoteForLead')}</p>
    </>
  );
}
