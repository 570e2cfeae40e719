import { pollResult, voteInput } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { closePoll } from './close.js';
import { pollsOf } from './present.js';
import { myVote, openPoll, votePoll } from './vote.js';

const tags = ['messages'];
const refusals = ['message.not_found', 'message.deleted', 'poll.not_found'] as const;

/** Voting in, closing and reading a poll message (sent as a message with `poll`). */
export const pollRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  app.post(
    '/messages/:id/votes',
    {
      schema: {
        operationId: 'votePoll',
        summary: 'Vote in a poll',
        description:
          'Replaces your vote with `optionIds` (`[]` takes it back); members hear `poll:updated` (counts, and voters unless anonymous). ' +
          'A single-choice poll takes one option (`poll.single_choice`); a closed one refuses (`poll.closed`).',
        tags,
        ...secured,
        params: idParams,
        body: voteInput,
        response: {
          200: pollResult,
          ...problems(...refusals, 'poll.closed', 'poll.option_invalid', 'poll.single_choice', 'user.blocked'),
        },
      },
    },
    async (req) => votePoll(ctx, req.auth.userId, req.params.id, req.body.optionIds),
  );
  app.post(
    '/messages/:id/poll/close',
    {
      schema: {
        operationId: 'closePoll',
        summary: 'Close a poll',
        description: "No more votes; the poll's author or a group admin. Members hear `poll:updated`.",
        tags,
        ...secured,
        params: idParams,
        response: { 200: pollResult, ...problems(...refusals, 'poll.close_forbidden') },
      },
    },
    async (req) => closePoll(ctx, req.auth.userId, req.params.id),
  );
  app.get(
    '/messages/:id/poll',
    {
      schema: {
        operationId: 'getPoll',
        summary: 'A poll and your vote',
        description: 'The poll now, with your own choice (`myVote`), which even an anonymous poll shows you.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: pollResult, ...problems(...refusals) },
      },
    },
    async (req) =>
      ctx.db.transaction(async (tx) => {
        const { access } = await openPoll(tx, req.params.id, req.auth.userId);
        const poll = (await pollsOf(tx, [access.message.id])).get(access.message.id)!;
        return { poll, myVote: await myVote(tx, access.message.id, req.auth.userId) };
      }),
  );
};
