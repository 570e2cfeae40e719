import type { User } from '@parley/client';
import { PeoplePicker } from './PeoplePicker';

/** "Invite people": a search for whoever is not a member yet, and an "Invite …" button for each. */
export function InviteSection({ members, onInvite }: { members: readonly { user: User }[]; onInvite: (user: User) => void }) {
  return (
    <section aria-label="Invite people">
      <h3>Invite people</h3>
      <PeoplePicker action="Invite" skip={new Set(members.map((m) => m.user.id))} onPick={onInvite} />
    </section>
  );
}
