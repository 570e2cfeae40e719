import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { conversations, media, members, messages, pollVotes, stars } from '../../db/schema.js';
import { findUser, presentUser } from './queries.js';

/** Messages are read this many at a time: an archive of a million messages never holds more than one page. */
const PAGE = 500;

const README = `Your Parley data, as of the time this archive was made.

profile.json         your profile (name, username, bio, email, phone number)
conversations.json   every conversation you are a member of, with your role and settings
messages/<id>.json   the messages you sent in conversation <id>, oldest first (end-to-end encrypted ones as ciphertext)
media/<id>-<name>    every file you uploaded, as stored
media.json           what each file in media/ is (type, size, when uploaded)
starred.json         the messages you starred (which, in which conversation, when), latest first
votes.json           your votes in polls (which poll, which options, when)
`;

/**
 * GET /users/me/export: a zip of a user's own data (GDPR Art. 20), streamed as it is read. Entries are added lazily:
 * a conversation's messages are queried page by page and a media object is opened only when the zip reaches it, so
 * memory stays flat whatever the account holds. Reads run outside a transaction: an archive is a copy as of roughly now.
 */
export async function exportUserData(ctx: AppContext, userId: string): Promise<Readable> {
  const profile = await presentUser(ctx, await findUser(ctx.db, userId), userId);
  const memberships = await ctx.db
    .select({
      id: conversations.id,
      type: conversations.type,
      name: conversations.name,
      about: conversations.about,
      visibility: conversations.visibility,
      createdAt: conversations.createdAt,
      role: members.role,
      joinedAt: members.joinedAt,
      isMuted: members.isMuted,
      isArchived: members.isArchived,
      isPinned: members.isPinned,
      notifications: members.notifications,
    })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(conversations.createdAt));
  const uploads = await ctx.db
    .select({
      id: media.id,
      kind: media.kind,
      mimeType: media.mimeType,
      size: media.size,
      name: media.name,
      storageKey: media.storageKey,
      createdAt: media.createdAt,
    })
    .from(media)
    .where(eq(media.ownerId, userId))
    .orderBy(asc(media.createdAt));

  const starred = await ctx.db
    .select({ messageId: stars.messageId, conversationId: messages.conversationId, starredAt: stars.createdAt })
    .from(stars)
    .innerJoin(messages, eq(messages.id, stars.messageId))
    .where(eq(stars.userId, userId))
    .orderBy(desc(stars.createdAt));

  // Your own votes only: never who else voted (an anonymous poll must not leak through an export).
  const votes = await ctx.db
    .select({ messageId: pollVotes.messageId, optionIds: pollVotes.optionIds, votedAt: pollVotes.createdAt })
    .from(pollVotes)
    .where(eq(pollVotes.userId, userId))
    .orderBy(asc(pollVotes.createdAt));

  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.on('error', (err: Error) => out.destroy(err)).pipe(out);
  zip.addBuffer(Buffer.from(README), 'README.txt');
  zip.addBuffer(json(profile), 'profile.json');
  zip.addBuffer(json(memberships), 'conversations.json');
  zip.addBuffer(json(starred), 'starred.json');
  zip.addBuffer(json(votes), 'votes.json');
  for (const c of memberships) {
    zip.addReadStreamLazy(`messages/${c.id}.json`, (done) => done(null, Readable.from(ownMessagesJson(ctx.db, c.id, userId))));
  }
  zip.addBuffer(json(uploads.map(({ storageKey: _key, ...item }) => ({ ...item, file: mediaPath(item) }))), 'media.json');
  for (const item of uploads) {
    zip.addReadStreamLazy(mediaPath(item), (done) => {
      ctx.storage.get(item.storageKey).then(
        (stream) => done(null, stream),
        // An object the store lost is left out rather than failing the whole archive after its first bytes went out.
        () => done(null, Readable.from([])),
      );
    });
  }
  zip.end();
  return out;
}

/** The archive as a download named for today. */
export function sendArchive(reply: FastifyReply, archive: Readable) {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('application/zip')
    .header('Content-Disposition', `attachment; filename="parley-export-${day}.zip"`)
    .header('Cache-Control', 'no-store')
    .send(archive);
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

const mediaPath = (item: { id: string; name: string | null }) => `media/${item.id}${item.name ? `-${item.name}` : ''}`;

/** A JSON array of the user's messages in one conversation, written page by page (keyset on seq). */
async function* ownMessagesJson(db: Executor, conversationId: string, userId: string): AsyncGenerator<string> {
  yield '[';
  let after = 0;
  let first = true;
  for (;;) {
    const page = await db
      .select({
        id: messages.id,
        seq: messages.seq,
        type: messages.type,
        text: messages.text,
        encrypted: messages.encrypted,
        forwarded: messages.forwarded,
        replyToId: messages.replyToId,
        threadRootId: messages.threadRootId,
        mediaIds: sql<string[]>`coalesce((select array_agg(mm.media_id order by mm.position) from message_media mm
                                          where mm.message_id = ${messages.id}), '{}')`,
        editedAt: messages.editedAt,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.senderId, userId),
          isNull(messages.deletedAt),
          // A disappearing message past its time is gone for everyone, even before the sweep removes it.
          sql`(${messages.expiresAt} is null or ${messages.expiresAt} > now())`,
          gt(messages.seq, after),
        ),
      )
      .orderBy(asc(messages.seq))
      .limit(PAGE);
    for (const m of page) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(m)}`;
      first = false;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  yield '\n]\n';
}
