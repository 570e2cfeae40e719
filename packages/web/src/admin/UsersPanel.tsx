import { PeoplePicker } from '../groups/PeoplePicker';
import { UserPage } from './UserPage';

const nobody: ReadonlySet<string> = new Set();

/** "Users": "Search people", "Open <name>", and the page of the one opened (or opened from a report). */
export function UsersPanel({ userId, onPick }: { userId: string | undefined; onPick: (id: string) => void }) {
  return (
    <div className="admin-panel">
      <PeoplePicker action="Open" skip={nobody} onPick={(u) => onPick(u.id)} />
      {userId && <UserPage key={userId} userId={userId} />}
    </div>
  );
}
