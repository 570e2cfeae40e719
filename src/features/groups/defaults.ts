import { conversations } from '../../db/schema.js';
import type { Db } from '../../db/connect.js';
import { newId } from '../../lib/ids.js';

/** The public groups every Parley starts with (seed 001's). */
export const defaultGroups = [
  {
    seedKey: 'general',
    name: 'General Chat',
    icon: '💬',
    iconBg: 'bg-gradient-to-br from-blue-400 to-blue-600',
    about: 'General discussions and announcements',
  },
  {
    seedKey: 'tech',
    name: 'Tech Talk',
    icon: '💻',
    iconBg: 'bg-gradient-to-br from-purple-400 to-purple-600',
    about: 'Technology, programming, and gadgets',
  },
  {
    seedKey: 'movies',
    name: 'Movie Lounge',
    icon: '🎬',
    iconBg: 'bg-gradient-to-br from-red-400 to-red-600',
    about: 'Movies, reviews, and recommendations',
  },
  {
    seedKey: 'tv',
    name: 'TV & Series Hub',
    icon: '📺',
    iconBg: 'bg-gradient-to-br from-green-400 to-green-600',
    about: 'TV shows and series discussions',
  },
  {
    seedKey: 'pop',
    name: 'Pop Culture & Gaming',
    icon: '🎮',
    iconBg: 'bg-gradient-to-br from-yellow-400 to-orange-500',
    about: 'Gaming, anime, comics, and pop culture',
  },
];

/** Creates the default groups once: their seed key is unique, so restarts and concurrent nodes add nothing. */
export async function seedDefaultGroups(db: Db): Promise<void> {
  await db
    .insert(conversations)
    .values(defaultGroups.map((g) => ({ id: newId(), type: 'group' as const, visibility: 'public' as const, ...g })))
    .onConflictDoNothing({ target: conversations.seedKey });
}
