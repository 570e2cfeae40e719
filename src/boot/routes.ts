import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { allowedOrigins } from '../config.js';
import type { AppContext } from '../context.js';
import { accountRoutes } from '../features/accounts/routes.js';
import { adminRoutes } from '../features/admin/routes.js';
import { reportRoutes } from '../features/admin/reportRoutes.js';
import { authRoutes } from '../features/auth/routes.js';
import { serverRoutes } from '../features/server/routes.js';
import { webhookRoutes } from '../features/webhooks/routes.js';
import { jwksResponse } from '../features/auth/schemas.js';
import { callRoutes } from '../features/calls/routes.js';
import { conversationRoutes } from '../features/conversations/routes.js';
import { groupRoutes } from '../features/groups/routes.js';
import { healthRoutes, type ReadinessChecks } from '../features/health/routes.js';
import { keyRoutes } from '../features/keys/routes.js';
import { mediaRoutes } from '../features/media/routes.js';
import { messageRoutes } from '../features/messages/routes.js';
import { threadRoutes } from '../features/threads/routes.js';
import { pollRoutes } from '../features/polls/routes.js';
import { pushRoutes, pushSettingsRoutes } from '../features/push/routes.js';
import { userRoutes } from '../features/users/routes.js';
import { asyncApiDocument } from '../realtime/asyncapi.js';
import { documentCommonProblems, openApiTransform, openApiTransformObject } from '../lib/apiDocs.js';
import { version } from '../version.js';
import { registerWebClient } from './webClient.js';

/** Response headers browsers may read: resumable uploads (tus) and media downloads. */
const mediaExposedHeaders = [
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Media-Id',
  'Content-Range',
  'Content-Disposition',
  'ETag',
];

const apiTags = [
  { name: 'health', description: 'Liveness and readiness, for load balancers and orchestrators.' },
  { name: 'auth', description: 'Accounts and sessions: register, sign in (password, phone code, Google), refresh, sign out.' },
  { name: 'users', description: 'Profiles, search, contacts and blocks.' },
  { name: 'keys', description: 'End-to-end encryption key bundles (X3DH-style identity, signed and one-time prekeys).' },
  { name: 'push', description: 'Push devices (Web Push) that notify users who have no socket connected.' },
  { name: 'conversations', description: 'Direct chats and the caller’s view of every conversation: lists, history, read state, settings.' },
  { name: 'messages', description: 'Sending, editing, deleting, reactions, search.' },
  { name: 'calls', description: 'Call signalling runs over the socket (call:invite …); TURN credentials for the media relay.' },
  { name: 'media', description: 'Uploads (multipart and resumable tus 1.0) and downloads with Range.' },
  { name: 'groups', description: 'Groups: members, roles, invitations, public groups to join.' },
  { name: 'reports', description: 'Reporting a message or a user to the admins.' },
  {
    name: 'admin',
    description: 'Moderation and administration, for admins only (404 for everyone else): reports, suspensions, the audit log, stats.',
  },
  {
    name: 'server',
    description: 'The server API, for the app’s backend with a server API key: provision users, start their sessions, send as them.',
  },
];

const jwksDocs = {
  operationId: 'getJwks',
  summary: 'The public keys that verify access tokens',
  description: 'A JSON Web Key Set (RFC 7517): verify access tokens (EdDSA or RS256) without asking Parley. Public.',
  tags: ['auth'],
  response: { 200: jwksResponse },
};

/** Security headers, CORS, the OpenAPI document and docs page, every route under /api/v1, and the web client at `/`. */
export async function registerHttp(http: FastifyInstance, ctx: AppContext, readiness: ReadinessChecks): Promise<void> {
  // The API and media serve no pages: nothing they send may run or load anything, or be framed.
  await http.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  // No credentials: auth is a bearer header, so no origin gets the user's cookies.
  await http.register(cors, {
    origin: allowedOrigins(ctx.config),
    // The default is GET, HEAD, POST: browsers also need PATCH/PUT/DELETE (profiles, messages, tus).
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // A plain OPTIONS (tus discovery) is answered, not refused with 400 as a malformed preflight.
    strictPreflight: false,
    exposedHeaders: ['Retry-After', ...mediaExposedHeaders],
  });
  await registerDocs(http);

  await http.register(
    async (api) => {
      await api.register(healthRoutes, { readiness });
      await api.register(authRoutes, { ctx });
      await api.register(accountRoutes, { ctx });
      await api.register(userRoutes, { ctx });
      await api.register(keyRoutes, { ctx });
      await api.register(conversationRoutes, { ctx });
      await api.register(messageRoutes, { ctx });
      await api.register(threadRoutes, { ctx });
      await api.register(pollRoutes, { ctx });
      await api.register(mediaRoutes, { ctx });
      await api.register(groupRoutes, { ctx });
      await api.register(callRoutes, { ctx });
      await api.register(pushRoutes, { ctx });
      await api.register(pushSettingsRoutes, { ctx });
      await api.register(serverRoutes, { ctx });
      await api.register(webhookRoutes, { ctx });
      await api.register(reportRoutes, { ctx });
      await api.register(adminRoutes, { ctx });
      api.get('/openapi.json', { schema: { hide: true } }, async () => http.swagger());
      const socketApi = asyncApiDocument({ version, limits: { messageMaxLength: ctx.config.MESSAGE_MAX_LENGTH } });
      api.get('/asyncapi.json', { schema: { hide: true } }, async () => socketApi);
    },
    { prefix: '/api/v1' },
  );
  http.get('/.well-known/jwks.json', { schema: jwksDocs }, async () => ctx.tokens.jwks());
  if (ctx.config.WEB_CLIENT === 'on') await registerWebClient(http);
}

async function registerDocs(http: FastifyInstance): Promise<void> {
  documentCommonProblems(http);
  await http.register(swagger, {
    openapi: {
      // 3.1: schemas are JSON Schema 2020-12, so a nullable enum is `anyOf [enum, null]`, not 3.0's
      // `nullable` (which cannot add null to an enum).
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version,
        description: 'Real-time messaging backend. The socket API is in /api/v1/asyncapi.json; conventions in docs/api.md.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'The Parley serving this document' }],
      tags: apiTags,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          serverKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'A server API key (npm run server-key -- create NAME), for /server routes.',
          },
        },
      },
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  // The docs page loads its own scripts, styles and spec from /docs (the plugin's policy, without
  // upgrade-insecure-requests, which would break it over plain http on a LAN). Swagger UI sets
  // inline styles (code highlighting): allowed there, scripts stay 'self' only.
  await http.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP:
      "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data: validator.swagger.io; " +
      "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
  });
}
