import { newMessageFields, withTextOrMedia, type Limits } from '@parley/protocol';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { sendMessage } from '../messages/sendMessage.js';
import type { SendResult } from '../messages/sendQueue.js';
import { externalIdParams, findProvisioned } from './provisionUser.js';

/** A user's send body (newMessageFields, text or media), plus who sends it: the external id of a provisioned user. */
export const sendAsUserBody = (limits: Limits) =>
  withTextOrMedia(
    newMessageFields(limits).extend({
      senderExternalId: externalIdParams.shape.externalId.meta({ description: 'The external id the sender was provisioned under.' }),
    }),
  );

/**
 * The app's backend sends as one of its provisioned users (a bot, a system notice): through the
 * same entry point as that user's own REST or socket send (`sendMessage`), so the same rules hold
 * (membership, blocks, media, mentions, replies, the clientMessageId repeat, the sender's message
 * budget). Unknown external id: 404 `user.not_found`.
 */
export async function sendAsUser(
  ctx: AppContext,
  conversationId: string,
  input: z.output<ReturnType<typeof sendAsUserBody>>,
): Promise<SendResult> {
  const { senderExternalId, ...fields } = input;
  const sender = await findProvisioned(ctx.db, senderExternalId);
  if (!sender) throw fail('user.not_found', 'no user is provisioned under senderExternalId: PUT /server/users/:externalId first');
  return sendMessage(ctx, sender.id, { ...fields, conversationId });
}
