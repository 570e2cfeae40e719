import { eq } from 'drizzle-orm';
import type { ParleyServer } from '../types.js';
import { rows, type Db } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { conversationRoom } from '../rooms.js';
import { audienceConversations, presenceHiddenFrom } from './audience.js';

/**
 * Saves lastActive and tells a user's audience (audience.ts: people who share a conversation, so
 * contacts) when they come online or go offline, as their privacy settings allow: nothing when
 * `online` is 'nobody'; `lastActive: null` in user:offline when `lastSeen` is 'nobody'.
 */
export class PresenceAnnouncer {
  constructor(
    private readonly db: Db,
    private readonly io: ParleyServer,
    private readonly groupMax: number,
  ) {}

  /** The conversations to tell, as a subquery (the socket's room join reads it in the same snapshot). */
  audienceOf(userId: string) {
    return audienceConversations(userId, this.groupMax);
  }

  /** The user's first socket anywhere. `audience`: already read with the socket's rooms, else read now. */
  async online(userId: string, audience?: string[]): Promise<void> {
    const [privacy] = await this.db
      .update(users)
      .set({ lastActive: new Date() })
      .where(eq(users.id, userId))
      .returning({ online: users.privacyOnline });
    if (!privacy || privacy.online === 'nobody') return;
    const conversationIds = audience ?? (await this.readAudience(userId));
    if (conversationIds.length === 0) return;
    this.io
      .to(conversationIds.map(conversationRoom))
      .except(await presenceHiddenFrom(this.db, userId))
      .emit('user:online', { userId });
  }

  /** The user's last socket anywhere is gone. */
  async offline(userId: string): Promise<void> {
    const lastActive = new Date();
    const [privacy] = await this.db
      .update(users)
      .set({ lastActive })
      .where(eq(users.id, userId))
      .returning({ online: users.privacyOnline, lastSeen: users.privacyLastSeen });
    if (!privacy || privacy.online === 'nobody') return;
    const conversationIds = await this.readAudience(userId);
    if (conversationIds.length === 0) return;
    this.io
      .to(conversationIds.map(conversationRoom))
      .except(await presenceHiddenFrom(this.db, userId))
      .emit('user:offline', { userId, lastActive: privacy.lastSeen === 'nobody' ? null : lastActive.toISOString() });
  }

  private async readAudience(userId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(this.db, this.audienceOf(userId));
    return found.map((r) => r.id);
  }
}
