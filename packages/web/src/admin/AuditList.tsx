import { listTime } from '../format';
import type { AuditEntry } from './adminApi';
import { detailsText } from './describe';

/** Audit entries as a list named `label`: when, what, by whom (you, the system, or an id), on what, and the details. */
export function AuditList({ entries, label, me }: { entries: readonly AuditEntry[]; label: string; me: string | undefined }) {
  const actor = (id: string | null) => (id === null ? 'the system' : id === me ? 'you' : id);
  return (
    <ul className="admin-list admin-audit" aria-label={label}>
      {entries.map((e) => {
        const details = detailsText(e.details);
        return (
          <li key={e.id}>
            <span className="admin-audit-action">{e.action}</span>{' '}
            <span className="role">
              <time dateTime={e.at}>{listTime(e.at)}</time>, by {actor(e.actorId)}
              {e.targetId && `, ${e.targetType} ${e.targetId}`}
            </span>
            {details && <span className="admin-audit-details">{details}</span>}
          </li>
        );
      })}
    </ul>
  );
}
