import type { AppContext } from '../../context.js';
import type { SendMessageInput, SendResult } from './sendQueue.js';

/**
 * A member sends a message, over REST or the socket: the one entry point. The input has
 * passed `newMessageSchema`; here it is counted against the sender's message budget and
 * queued to be committed with the sends around it (groupCommit.ts). Resolves after the commit.
 */
export async function sendMessage(
  ctx: Pick<AppContext, 'sends' | 'limits' | 'config'>,
  senderId: string,
  input: SendMessageInput,
  origin?: string,
): Promise<SendResult> {
  await ctx.limits.consume('messages', ctx.config.RATE_LIMIT_MESSAGES_PER_USER, senderId);
  return ctx.sends.submit({ senderId, input, origin });
}
