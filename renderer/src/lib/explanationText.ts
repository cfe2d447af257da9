import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MessageParams } from '../../../shared/errors';
import type { Explanation } from '../../../shared/sla/explanation';
import { explainLanguage, explanationText } from '../../../shared/sla/explanationText';

// The pieces' keys are data from the shared catalog, not known to the typed `t` at compile time.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** An SLA clock's explanation (data from the engine) as a sentence in `language`, its words from i18next. */
export function explanationOnScreen(t: TFunction, language: string, explanation: Explanation): string {
  const loose = t as unknown as LooseT;
  return explanationText(explanation, explainLanguage(language), (key, params?: MessageParams) => loose(`messages.explain.${key}`, params));
}

/** The explanation in the language on screen; a change of language re-renders it without asking the engine. */
export function useExplanationText(explanation: Explanation | null | undefined): string | null {
  const { t, i18n } = useTranslation();
  return explanation ? explanationOnScreen(t, i18n.language, explanation) : null;
}
