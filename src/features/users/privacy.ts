import type { PrivacySettings } from '@parley/protocol';
import type { users } from '../../db/schema.js';

type Audience = PrivacySettings['lastSeen'];

/** How a viewer stands to a user: themselves, a contact (a shared conversation), a block either way. */
export interface Relation {
  self: boolean;
  contact: boolean;
  blocked: boolean;
}

export interface PresenceShown {
  online: boolean;
  lastSeen: boolean;
}

/** Members of a conversation hearing an event about one of them: contacts by definition. */
export const ROOM: Relation = { self: false, contact: true, blocked: false };

const reaches = (audience: Audience, r: Relation) => audience === 'everyone' || (audience === 'contacts' && r.contact);

/** What of a user's presence a viewer sees: all of it themselves, nothing across a block, else what the settings allow. Pure. */
export function presenceShown(settings: Pick<PrivacySettings, 'lastSeen' | 'online'>, r: Relation): PresenceShown {
  if (r.self) return { online: true, lastSeen: true };
  if (r.blocked) return { online: false, lastSeen: false };
  return { online: reaches(settings.online, r), lastSeen: reaches(settings.lastSeen, r) };
}

type UserRow = typeof users.$inferSelect;

export const privacyOf = (u: UserRow): PrivacySettings => ({
  lastSeen: u.privacyLastSeen,
  online: u.privacyOnline,
  readReceipts: u.privacyReadReceipts,
  groupAdds: u.privacyGroupAdds,
});
