import type { ChangeRequestListItem } from '../../shared/contract/changeRequests';
import type { ChangeRequestStatus } from '../../shared/domain/changeRequest';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/** Change requests, newest status change first, by client and/or status, with their tickets' titles. */
export function listChangeRequests(db: Db, f: { clientId?: string; status?: ChangeRequestStatus; limit: number }): ChangeRequestListItem[] {
  const records = stmt(
    db,
    `SELECT cr.*, i.title AS ticket_title FROM change_requests cr LEFT JOIN incidents i ON i.id = cr.incident_id
      WHERE (@clientId IS NULL OR cr.client_id = @clientId) AND (@status IS NULL OR cr.status = @status)
      ORDER BY cr.status_at DESC, cr.id LIMIT @limit`,
  ).all({ clientId: f.clientId ?? null, status: f.status ?? null, limit: f.limit }) as (Record<string, unknown> & { ticket_title: string | null })[];
  return records.map(({ ticket_title, ...r }) => {
    const { fieldVersions: _, ...row } = fromRecord('changeRequests', r);
    return { ...row, title: ticket_title ?? '' };
  });
}
