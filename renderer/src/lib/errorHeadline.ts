import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../../shared/domain/common';
import { ERROR_CODES, type ErrorInfo } from '../../../shared/errors';

/**
 * The translated headline of an engine refusal. A refusal for want of a role names the role
 * (from `params.role`, never from the English message); any other, its code's generic headline.
 */
export function errorHeadline(t: TFunction, error: ErrorInfo): string {
  // A newer engine may send a code this build does not know yet.
  const code = ERROR_CODES.includes(error.code) ? error.code : 'internal';
  const role = error.params?.role;
  if (code === 'forbidden' && isRole(role)) return t('errors.forbiddenRole', { role: t(`roles.${role}`) });
  return t(`errors.title.${code}`);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
