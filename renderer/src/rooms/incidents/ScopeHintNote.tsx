import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { scopeHint } from '../../../../shared/billing/scopeHints';
import type { Category } from '../../../../shared/domain/incident';
import { hintedCategory } from '../../lib/scopeHintCategory';

interface ScopeHintNoteProps {
  title: string;
  description: string;
  /** The category chosen so far; a hint that agrees with it is not shown. */
  category: Category | null;
  onUse(category: Category): void;
  disabled?: boolean;
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The scope hint of a ticket's text (shared/billing/scopeHints.ts): what it suggests and why, with
 * one button to take it. Never applied by itself: nothing changes until the engineer presses it.
 */
export function ScopeHintNote({ title, description, category, onUse, disabled }: ScopeHintNoteProps) {
  const { t } = useTranslation();
  const hint = useMemo(() => scopeHint(title, description), [title, description]);
  const use = hintedCategory(hint, category);
  // Both kinds at once: the reason says so, and the engineer chooses; no button.
  const mixed = hint.suggestion === null && hint.reason !== null && category === null;
  if (!use && !mixed) return null;
  const reason = hint.reason ? (t as unknown as LooseT)(`messages.${hint.reason.key}`, hint.reason.params) : '';
  return (
    <div className="scope-hint" role="status" data-testid="scope-hint">
      <span className="scope-hint-label">{t('scopeHint.label')}</span>
      <span className="scope-hint-reason" data-testid="scope-hint-reason">
        {reason}
      </span>
      <span className="visually-hidden">{t('scopeHint.suggestionOnly')}</span>
      {use ? (
        <button type="button" className="btn btn-small" disabled={disabled} data-testid="scope-hint-use" onClick={() => onUse(use)}>
          {use === 'new_functionality'
            ? t('scopeHint.useChangeRequest')
            : t('scopeHint.useCategory', { category: t(`category.${use}`) })}
        </button>
      ) : null}
    </div>
  );
}
