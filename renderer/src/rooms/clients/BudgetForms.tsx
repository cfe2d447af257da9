import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { useStore } from '../../store/store';
import { minutesOf } from './budgetFormat';

interface FormProps {
  kind: 'buy' | 'adjust';
  onDone(): void;
}

/**
 * Buy hours or adjust the ledger (leads only: the card shows neither for an engineer, and the
 * mutation refuses one anyway). Hours are typed as people say them ("2,5"), kept as whole minutes.
 * A refusal keeps what was typed.
 */
export function BudgetForm({ kind, onDone }: FormProps) {
  const { t } = useTranslation();
  const save = useStore((s) => s.budgetSave);
  const buy = useStore((s) => s.buyHours);
  const adjust = useStore((s) => s.adjustBudget);
  const reset = useStore((s) => s.resetBudgetSave);
  const [hours, setHours] = useState('');
  const [second, setSecond] = useState('');
  const [day, setDay] = useState('');
  const [badHours, setBadHours] = useState(false);
  const id = `budget-${kind}`;
  const hoursError = badHours ? t(`budget.${kind}.badHours`) : undefined;
  const close = () => {
    reset();
    onDone();
  };

  return (
    <form
      className="form budget-form"
      aria-label={t(`budget.${kind}.title`)}
      data-testid={`${id}-form`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const minutes = minutesOf(hours);
        if (minutes === null || (kind === 'buy' && minutes < 0)) {
          setBadHours(true);
          return;
        }
        setBadHours(false);
        const run =
          kind === 'buy'
            ? buy({ minutes, ...(day ? { validThrough: day } : {}), ...(second.trim() ? { note: second.trim() } : {}) })
            : adjust({ minutes, reason: second });
        void run.then((ok) => {
          if (ok) close();
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <ErrorAlert error={save.error} testId={`${id}-error`} />
      <div className="form-row">
        <Field id={`${id}-hours`} label={t(`budget.${kind}.hours`)} error={hoursError}>
          <input
            {...controlProps(`${id}-hours`, hoursError)}
            className="input"
            inputMode="decimal"
            value={hours}
            autoFocus
            onChange={(e) => setHours(e.target.value)}
          />
        </Field>
        {kind === 'buy' ? (
          <Field id={`${id}-valid`} label={t('budget.buy.validThrough')}>
            <input {...controlProps(`${id}-valid`, undefined)} className="input" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          </Field>
        ) : null}
      </div>
      <Field id={`${id}-text`} label={t(kind === 'buy' ? 'budget.buy.note' : 'budget.adjust.reason')}>
        <input {...controlProps(`${id}-text`, undefined)} className="input" value={second} onChange={(e) => setSecond(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={close}>
          {t('budget.buy.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.pending} data-testid={`${id}-submit`}>
          {t(`budget.${kind}.submit`)}
        </button>
      </div>
    </form>
  );
}
