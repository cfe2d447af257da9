import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../shared/domain/incident';

// Bookkeeping fields change with every write; they are not news to the reader.
const QUIET_FIELDS = new Set(['updatedAt', 'fieldVersions', 'createdAt', 'createdBy', 'id']);
const NAMED_FIELDS = ['title', 'description', 'priority', 'status', 'clientId', 'openedAt'] as const;
type NamedField = (typeof NAMED_FIELDS)[number];

function isNamed(field: string): field is NamedField {
  return (NAMED_FIELDS as readonly string[]).includes(field);
}

function shorten(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function showValue(t: TFunction, field: NamedField, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (field === 'priority') return value;
  if (field === 'status' && (INCIDENT_STATUSES as readonly string[]).includes(value)) return t(`incidentStatus.${value as IncidentStatus}`);
  if (field === 'title') return `“${shorten(value)}”`;
  return null; // descriptions and ids say nothing useful inline
}

/** One readable line per change in an audit entry, in the chosen language. */
export function describeAudit(t: TFunction, entry: AuditEntry): string[] {
  const actor = entry.actorName;
  if (entry.before === null) return [t('audit.created', { actor })];
  const before = entry.before;
  const after = entry.after ?? {};
  const lines: string[] = [];
  for (const key of Object.keys(after)) {
    if (QUIET_FIELDS.has(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (!isNamed(key)) {
      lines.push(t('audit.changed', { actor, field: key }));
      continue;
    }
    const field = t(`audit.field.${key}`);
    const from = showValue(t, key, before[key]);
    const to = showValue(t, key, after[key]);
    lines.push(from !== null && to !== null ? t('audit.changedValue', { actor, field, from, to }) : t('audit.changed', { actor, field }));
  }
  return lines.length > 0 ? lines : [t('audit.other', { actor, mutation: entry.mutation })];
}
