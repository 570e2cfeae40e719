import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { secured } from '../auth/authenticate.js';
import { privacyResponse, privacySettingsOf, updatePrivacyBody, updatePrivacySettings } from './privacySettings.js';

const tags = ['users'];

/** Your privacy settings (under userRoutes' bearer token). */
export const privacyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users/me/privacy',
    {
      schema: {
        operationId: 'getPrivacySettings',
        summary: 'Get your privacy settings',
        description:
          'Who sees your last-seen time (`lastSeen`) and that you are online (`online`): everyone, contacts (people you share ' +
          'a conversation with) or nobody; whether read receipts go both ways (`readReceipts`); who may add you to groups ' +
          '(`groupAdds`). Also in your own profile as `privacy`.',
        tags,
        ...secured,
        response: { 200: privacyResponse },
      },
    },
    async (req) => ({ privacy: await privacySettingsOf(ctx, req.auth.userId) }),
  );

  app.patch(
    '/users/me/privacy',
    {
      schema: {
        operationId: 'updatePrivacySettings',
        summary: 'Change your privacy settings',
        description:
          'Changes the settings given. Your other devices hear `privacy:updated`. Hidden presence reads `isOnline: false` and ' +
          "`lastActive: null` (GET /users/:id, search, lists, presence:query); `online: 'nobody'` also stops `user:online` / " +
          '`user:offline` about you. `readReceipts: false`: your reads still clear your unread counts and sync to your devices, ' +
          "but nobody hears `message:status` 'read' about you, you hear none about others, your messages' `status` stops at " +
          "'delivered' and GET /messages/:id/receipts shows you no reads. `groupAdds: 'contacts'`: anyone else adding you gets " +
          '403 `group.add_forbidden` and may send an invitation instead.',
        tags,
        ...secured,
        body: updatePrivacyBody,
        response: { 200: privacyResponse },
      },
    },
    async (req) => ({ privacy: await updatePrivacySettings(ctx, req.auth.userId, req.body) }),
  );
};
