import type { AppContext } from '../../context.js';
import { toAppError } from '../../lib/httpErrors.js';
import { spend } from '../limits/rateLimits.js';
import type { SendMessageInput, SendResult } from './sendQueue.js';

/**
 * A member sends a message, over REST or the socket: the one entry point. The input has
 * passed the protocol's `newMessageFields` + `withTextOrMedia`; here it is counted against the sender's message budget and
 * queued to be committed with the sends around it (groupCommit.ts). Resolves after the commit.
 * Every answer is counted, with its time since receipt (ctx.metrics).
 */
export async function sendMessage(
  ctx: Pick<AppContext, 'sends' | 'limits' | 'config' | 'metrics'>,
  actorId: string,
  input: SendMessageInput,
  origin?: string,
): Promise<SendResult> {
  const received = performance.now();
  try {
    await spend(ctx, 'messages', actorId);
    const result = await ctx.sends.submit({ actorId, input, origin });
    ctx.metrics.sendAcked((performance.now() - received) / 1000);
    return result;
  } catch (err) {
    ctx.metrics.sendRefused(toAppError(err).code, (performance.now() - received) / 1000);
    throw err;
  }
}
