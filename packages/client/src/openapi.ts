/**
 * Generated from the server's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run generate:client` (scripts/generate-client-types.ts). Paths are relative to /api/v1.
 */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process is up
     * @description Answers 200 while the process serves requests, whatever its dependencies; public. For liveness probes.
     */
    get: operations['checkLiveness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: the database (and Redis) answer
     * @description Answers 200 when this node can serve: its database and, when configured, Redis answer. 503 `service.unavailable` when one does not, or while the node drains for shutdown. Public; for readiness probes and load balancers.
     */
    get: operations['checkReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ways to sign in this server offers
     * @description Public. `password` is always on. `phone` (POST /auth/request-otp) is set when codes can be sent: `sms` through SMS_WEBHOOK_URL, or `log` outside production without it (the code is written to the server log); else null. `google` carries the OAuth client ID when GOOGLE_CLIENT_ID is set, else null.
     */
    get: operations['listSignInMethods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account with email and password
     * @description Creates the account and signs it in on the device, returning its first token pair. The password must not be easy to guess (400 `validation.failed` says why); a registered email or a taken username is 409.
     */
    post: operations['register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email or username and password
     * @description `login` is the email or the username. A wrong login or password is the same 401 either way; too many wrong passwords for one account are refused with 429 for a while. Signing in again with the same `deviceId` ends that device’s previous session.
     */
    post: operations['signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/refresh-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trade a refresh token for a new token pair
     * @description A refresh token works once. Presenting one already used ends its whole session (401 `auth.refresh_reused`), since one of the two holders is not the device it was issued to.
     */
    post: operations['refreshSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/request-otp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a 6-digit sign-in code by SMS
     * @description Sends a code for POST /auth/verify-otp or POST /users/me/phone/verify. One code per number per cooldown (429 with Retry-After inside it); 503 `auth.method_disabled` when the server has no SMS sender configured.
     */
    post: operations['requestSignInCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/verify-otp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a phone number and its SMS code
     * @description Signs in to the account that verified this number, or creates one with `name` (`created: true`). Each code works once and allows a few tries, then is locked (403 `otp.locked`): request a new one. Signing in again with the same `deviceId` ends that device’s previous session.
     */
    post: operations['signInWithPhone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/google': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a Google ID token
     * @description Signs in to the account linked to this Google account, or creates one when no account has its email. An account that already has the email is not linked here (409 `auth.account_exists`): sign in to it and use POST /auth/google/link.
     */
    post: operations['signInWithGoogle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/google/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Link a Google account to your account
     * @description From then on, signing in with that Google account reaches this one. Linking it again is a no-op; a Google account already linked to another account is 409 `auth.account_exists`.
     */
    post: operations['linkGoogleAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an ID token from a configured OpenID Connect issuer
     * @description For the issuers in AUTH_ISSUERS (and `google`): signs in to the account linked to the token’s `(issuer, sub)`, or creates one (`created: true`). An email the issuer marks verified becomes the new account’s email; an account that already has it is not linked here (409 `auth.account_exists`). An unknown issuer name is 400 `auth.unknown_issuer`; a token that is expired, for another audience or badly signed is 401 `auth.id_token_invalid`. Signing in again with the same `deviceId` ends that device’s previous session.
     */
    post: operations['signInWithIdToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out this session
     * @description Ends the session of the access token: its tokens stop working at once and its sockets are closed.
     */
    post: operations['signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the signed-in user
     * @description Your own profile, with the fields only you see (email, phone number), as GET /users/me.
     */
    get: operations['getCurrentUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your signed-in devices
     * @description Your live sessions, most recently used first; `current` marks the one making this request.
     */
    get: operations['listSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Sign out one of your devices
     * @description Ends one of your own sessions: its tokens stop working and its sockets close. A session that is not yours, or already ended, is 404 `session.not_found`.
     */
    delete: operations['revokeSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/email/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail yourself a link that verifies your email
     * @description Mails `${PUBLIC_URL}/#/verify-email?token=…` to your email; the token works once, within EMAIL_VERIFY_TTL_HOURS, and only the newest one mailed. An email already verified is sent nothing; an account without an email is 409 `auth.no_email`.
     */
    post: operations['requestEmailVerification'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/email/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify your email with the token of the mailed link
     * @description Spends the token and returns your profile with `emailVerified: true`. A token used already, replaced by a newer one or unknown is 400 `auth.link_invalid`; an expired one 410 `auth.link_expired`. No session is needed.
     */
    post: operations['verifyEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password/forgot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a password-reset link
     * @description Mails `${PUBLIC_URL}/#/reset-password?token=…` to the account with this email, if there is one. The answer is 202 whatever the email, sent before the email is looked up, so it tells nobody whether an account has it (a failure after it is logged, not answered). The token works once, within PASSWORD_RESET_TTL_MINUTES.
     */
    post: operations['forgotPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the token of a reset link
     * @description Spends the token, sets the password (it must not be easy to guess: 400 `validation.failed`) and ends every session of the account: their tokens stop working and their sockets close. Sign in again with the new password.
     */
    post: operations['resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password/change': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your password
     * @description Checks `currentPassword` (403 `auth.wrong_password`; wrong tries count as wrong sign-ins do), sets `newPassword` (400 `validation.failed` when easy to guess) and ends every other session; this one goes on.
     */
    post: operations['changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get your own profile
     * @description Your profile, with the fields only you see: email, phone number and whether they are verified, and your media storage: `storageUsed` and `storageQuota` in bytes (null: no quota).
     */
    get: operations['getOwnProfile'];
    put?: never;
    post?: never;
    /**
     * Delete your account
     * @description Erases your account (GDPR Art. 17). An account with a password sends it as `password`; one without (phone or Google sign-in) must have signed in within the last 10 minutes; otherwise 403 `auth.reauth_required`. Your messages become deleted tombstones for everyone, you leave every group (ownership passes on), and your sessions (sockets closed), push devices, keys, sign-in identities, blocks, reactions, media and profile are gone; your username is free again. Your user id stays, on an anonymous "Deleted account" that direct chats still show.
     */
    delete: operations['deleteAccount'];
    options?: never;
    head?: never;
    /**
     * Update your profile
     * @description Changes only the fields given; `null` clears `bio` or `phoneNumber`. A new phone number is unverified (it neither signs in nor matches contacts) until proven with POST /users/me/phone/verify. A taken username is 409.
     */
    patch: operations['updateProfile'];
    trace?: never;
  };
  '/users/me/phone/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Prove your phone number with an SMS code
     * @description With a code from POST /auth/request-otp, the number becomes your verified one: phone sign-in reaches this account and contact sync finds you. A number another account has verified is 409 `user.phone_taken`.
     */
    post: operations['verifyPhoneNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/privacy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get your privacy settings
     * @description Who sees your last-seen time (`lastSeen`) and that you are online (`online`): everyone, contacts (people you share a conversation with) or nobody; whether read receipts go both ways (`readReceipts`); who may add you to groups (`groupAdds`). Also in your own profile as `privacy`.
     */
    get: operations['getPrivacySettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change your privacy settings
     * @description Changes the settings given. Your other devices hear `privacy:updated`. Hidden presence reads `isOnline: false` and `lastActive: null` (GET /users/:id, search, lists, presence:query); `online: 'nobody'` also stops `user:online` / `user:offline` about you. `readReceipts: false`: your reads still clear your unread counts and sync to your devices, but nobody hears `message:status` 'read' about you, you hear none about others, your messages' `status` stops at 'delivered' and GET /messages/:id/receipts shows you no reads. `groupAdds: 'contacts'`: anyone else adding you gets 403 `group.add_forbidden` and may send an invitation instead.
     */
    patch: operations['updatePrivacySettings'];
    trace?: never;
  };
  '/users/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download your data as a zip
     * @description A zip archive of your data (GDPR Art. 20), streamed as it is read: `profile.json`, `conversations.json` (every conversation you are a member of, with your role and settings), `messages/<conversationId>.json` (the messages you sent, oldest first, deleted ones left out), `media/` (every file you uploaded) with `media.json` describing them, and a `README.txt`.
     */
    get: operations['exportOwnData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search people by name or username
     * @description People whose name or username contains `search`, by username, a page at a time: pass the `nextCursor` of a page as `cursor` for the next. Never you, nor anyone who blocked you. Searches are rate-limited per user.
     */
    get: operations['searchUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/contacts/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Find which of your contacts use Parley
     * @description Each number is read as E.164 (national ones with `defaultCountryCode`; what cannot be read is skipped). Only numbers their owners verified match, never you nor anyone who blocked you; `matches` maps each number sent to its user.
     */
    post: operations['syncContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a user’s profile
     * @description Their public profile. Online state and last-seen time only when you share a conversation and no block stands between you; otherwise offline with no last-seen time.
     */
    get: operations['getUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Block a user
     * @description No direct messages either way, no presence, and you vanish from their searches and contact syncs. They are not told. Blocking again is harmless; yourself is 422.
     */
    post: operations['blockUser'];
    /**
     * Unblock a user
     * @description Removes your block on the user, if there is one (so repeating is harmless).
     */
    delete: operations['unblockUser'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the users you blocked
     * @description Everyone you have blocked, oldest block first.
     */
    get: operations['listBlockedUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Publish your identity key, signed prekey and one-time prekeys
     * @description Sets your identity key and signed prekey (the signature must verify: 422 `keys.bad_signature`) and adds one-time prekeys (a stored `keyId` is replaced; at most 1000 stored). A new identity key discards the old one-time prekeys and tells everyone who shares a conversation with you (`keys:identity-changed`).
     */
    put: operations['publishKeys'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/keys/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Count your unclaimed one-time prekeys
     * @description How many of your one-time prekeys are left to hand out: upload more when it runs low.
     */
    get: operations['countOneTimePreKeys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Claim a user’s key bundle to start an encrypted session
     * @description Their identity key, signed prekey and one of their one-time prekeys, which is handed out once, ever (null when none are left). 404 `keys.not_found` when they have published no keys. Rate-limited per claimer and per user claimed.
     */
    get: operations['claimKeyBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your conversations
     * @description Your direct chats and groups, pinned first, then by last activity, a page at a time: pass the `nextCursor` of a page as `cursor` for the next. Each carries your own view: unread count, settings, last message you may read.
     */
    get: operations['listConversations'];
    put?: never;
    /**
     * Open the direct chat with a user
     * @description Finds or creates the one direct chat between you and `userId`: 201 when this request created it, 200 when it already existed (so it is safe to repeat). Not with yourself (422), an unknown user (404), nor across a block either way (403).
     */
    post: operations['openDirectChat'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a conversation with its latest messages
     * @description The conversation as you see it and the latest page of the messages you may read (ascending seq). A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.
     */
    get: operations['getConversation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Page through the message history
     * @description A page of the messages you may read, always in ascending seq: the latest by default, older ones with `before`, newer ones with `after`. In a group whose history is `joined`, only what came after you joined. A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.
     */
    get: operations['listMessages'];
    put?: never;
    /**
     * Send a message
     * @description Sends text, media (your own uploads) or both to a conversation you are a member of: 201 with the new message. A repeated `clientMessageId` of yours in the same conversation answers 200 with the original, never a duplicate. Spends the same message budget as the socket `message:send`. A conversation you are not in is 404, as one that does not exist.
     */
    post: operations['sendMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a conversation read
     * @description Moves your read watermark forward to `upToSeq`, or to the last message; it never moves back, so repeating is harmless. Members hear `message:status` when it moved. A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.
     */
    post: operations['markConversationRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Mute, archive or pin a conversation, or choose what notifies you
     * @description Changes your own settings for the conversation; your other devices hear `conversation:updated`. `isMuted: true` mutes without an end, `mutedUntil` until then (a time not in the future ends it), `isMuted: false` unmutes; a mute silences every notification. `notifications` chooses which messages notify you: 'all', only those mentioning you ('mentions'), or 'none'. A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.
     */
    patch: operations['updateConversationSettings'];
    trace?: never;
  };
  '/conversations/{id}/disappearing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Turn disappearing messages on or off
     * @description Sets the conversation's `disappearAfterSeconds` (60..7776000, or null: off): messages sent from then on get `expiresAt` and disappear for everyone when it passes. Either person in a direct chat, the owner or an admin in a group (others: 403 `group.not_admin`). A change is recorded as a `disappearing_changed` system message; members hear `conversation:updated`. A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.
     */
    put: operations['setDisappearingTimer'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search your messages
     * @description Full-text search over the messages you may read, newest first; every word must match. Deleted and end-to-end-encrypted messages never match. With `conversationId`, one conversation of yours (else 404).
     */
    get: operations['searchMessages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a message
     * @description `for=self` (the default) hides it from your own history, sync and search. `for=everyone` wipes its content for all, leaving a tombstone: the sender within DELETE_WINDOW_SECONDS, or a group admin at any time. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    delete: operations['deleteMessage'];
    options?: never;
    head?: never;
    /**
     * Edit a message
     * @description The sender rewrites the text of their message within the edit window (EDIT_WINDOW_SECONDS); members hear `message:updated`. System and encrypted messages cannot be edited. `mentions`, when given, replaces the message's mentions (checked as on send); `message:updated` then carries `mentionsAdded`, who the edit newly mentions. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    patch: operations['editMessage'];
    trace?: never;
  };
  '/messages/{id}/reaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * React to a message
     * @description Sets your one reaction to the message, replacing any other; members hear `reaction:updated`. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    put: operations['setReaction'];
    post?: never;
    /**
     * Take back your reaction
     * @description Removes your reaction to the message, if any (so repeating is harmless). A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    delete: operations['removeReaction'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pin a message
     * @description Pins the message in its conversation for every member: they hear `message:pinned` and a system message (`message_pinned`) records it. Pinning a pinned message again changes nothing. In a direct chat both people may; in a group, as its `pinPermission` says (`'admins'`: owners and admins, else 403 `group.not_admin`). A conversation keeps at most 50 pinned messages (409 `pin.limit_reached`). A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    post: operations['pinMessage'];
    /**
     * Unpin a message
     * @description Unpins the message; members hear `message:unpinned`. Not pinned: nothing changes. In a direct chat both people may; in a group, as its `pinPermission` says (`'admins'`: owners and admins, else 403 `group.not_admin`). A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    delete: operations['unpinMessage'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/pins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A conversation's pinned messages
     * @description The pinned messages you may read, the latest pinned first. A message deleted for everyone, purged by retention or erased with its account is unpinned with it. A conversation you are not in is 404, as one that does not exist.
     */
    get: operations['listPins'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/star': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Star a message
     * @description Stars the message for you alone (no one else learns of it); your other devices hear `message:starred`. Starring it again changes nothing. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    post: operations['starMessage'];
    /**
     * Take a star back
     * @description Your other devices hear `message:unstarred`. Not starred: nothing changes. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    delete: operations['unstarMessage'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/starred': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your starred messages
     * @description The messages you starred and may still read (a conversation you left, a message you deleted for yourself drop out), the latest starred first, in pages.
     */
    get: operations['listStarred'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/forward': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Forward a message
     * @description Sends a copy of the message (its text and its media: the same files, not uploaded again) to each conversation, marked `forwarded: true`, each as your own send would be: the same message budget per target, seq, events and push. Each target is answered alone, in order: a conversation you are not in (`conversation.not_found`) or a block (`user.blocked`) refuses that target, the others go on. End-to-end encrypted and system messages cannot be forwarded by the server (422 `message.not_forwardable`). A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    post: operations['forwardMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who has received and read a message
     * @description The members whose delivered and read watermarks have passed the message, with when. Reads show only when both you and the reader have read receipts on (GET /users/me/privacy); otherwise the reader is only delivered. A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    get: operations['listReceipts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark read up to a message
     * @description Moves your read watermark in the message's conversation up to it (never back). A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.
     */
    post: operations['markMessageRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/thread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Page through a message's thread
     * @description The root (with its `thread` summary), a page of the replies you may read in ascending seq, paged as the history is (the latest by default, older with `before`, newer with `after`), and your read state of the thread. A root that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`; a reply in a thread has no thread of its own (422 `thread.root_invalid`).
     */
    get: operations['listThread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/thread/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a thread read
     * @description Moves your read mark of the thread forward to `upToSeq` (a reply's seq), or to its last reply; it never moves back. Private to you: your devices hear `thread:read` when it moved. A root that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`; a reply in a thread has no thread of its own (422 `thread.root_invalid`).
     */
    post: operations['markThreadRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/votes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Vote in a poll
     * @description Replaces your vote with `optionIds` (`[]` takes it back); members hear `poll:updated` (counts, and voters unless anonymous). A single-choice poll takes one option (`poll.single_choice`); a closed one refuses (`poll.closed`).
     */
    post: operations['votePoll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/poll/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a poll
     * @description No more votes; the poll's author or a group admin. Members hear `poll:updated`.
     */
    post: operations['closePoll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}/poll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A poll and your vote
     * @description The poll now, with your own choice (`myVote`), which even an anonymous poll shows you.
     */
    get: operations['getPoll'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/tus': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * tus: create an upload
     * @description Creates a resumable upload of Upload-Length bytes, reserved against the storage quota, at the returned Location. With a body of `application/offset+octet-stream` (creation-with-upload) its first bytes are received too; when they are all of it, Media-Id names the Media it became.
     */
    post: operations['createTusUpload'];
    delete?: never;
    /**
     * tus: the protocol versions, extensions and size limit
     * @description tus discovery (OPTIONS): which version and extensions this server speaks and the largest upload. Public.
     */
    options: operations['getTusCapabilities'];
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/tus/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * tus: PATCH or DELETE for clients that can only POST
     * @description The PATCH (with its chunk body) or DELETE that X-HTTP-Method-Override names, answered as that request; without one this is no route (404 `route.not_found`).
     */
    post: operations['overrideTusMethod'];
    /**
     * tus: terminate an upload
     * @description Ends the upload (termination): its bytes are deleted and its quota reservation freed. 404: not found or not yours.
     */
    delete: operations['terminateTusUpload'];
    options?: never;
    /**
     * tus: where an upload is
     * @description The offset to resume from (HEAD), once the chunks still arriving on this server are stored. 404: not found, not yours, or terminated.
     */
    head: operations['getTusUploadOffset'];
    /**
     * tus: append bytes at Upload-Offset
     * @description Appends the body at Upload-Offset; what arrives before an interruption is kept (HEAD tells). One request writes to an upload at a time (423: retry). The last byte turns it into a Media, processed as by POST /media/upload.
     */
    patch: operations['appendTusChunk'];
    trace?: never;
  };
  '/media/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a file to attach to messages
     * @description Stores the multipart field `file` as a Media of the caller, to attach to a message by its id (`mediaIds`). Its type is sniffed from its bytes; images are re-encoded without metadata and get a thumbnail. Counts against the storage quota.
     */
    post: operations['uploadMedia'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me/avatar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set your avatar
     * @description Makes the image in the multipart field `avatar` the caller’s avatar: a 256 px square WebP without metadata at a new public `avatarUrl` (cacheable forever); the previous one is deleted.
     */
    post: operations['uploadAvatar'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a media item
     * @description The bytes of a media item the caller may read: their own upload, or one attached to a message in a conversation they are a member of (404: not found or not visible to you). The token may come as `?token=` (`<img src>`). Range (206), If-Range and If-None-Match (304) are honoured.
     */
    get: operations['downloadMedia'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/{id}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the thumbnail of an image
     * @description A WebP of at most 320 px of an image the caller may read (as for the media itself); 404 for media that are not images, or not visible to you. Range (206), If-Range and If-None-Match (304) are honoured.
     */
    get: operations['downloadMediaThumbnail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/avatars/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an avatar
     * @description A user’s avatar (a 256 px square WebP) at the `avatarUrl` of their profile. Public: no token needed. Range (206), If-Range and If-None-Match (304) are honoured.
     */
    get: operations['downloadAvatar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/{id}/info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Describe a media item
     * @description The Media object (kind, type, size, dimensions, URLs) of a media item the caller may read, as for its download (404: not found or not visible to you). A resumable upload ends with only its id (`Media-Id`): this is its Media.
     */
    get: operations['describeMedia'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your groups and public groups to join
     * @description `joined`: your groups, in conversation-list order; `discover`: public groups you are not in, newest activity first. Both page together (`limit` each) with one cursor; `search` filters both by name or description.
     */
    get: operations['listGroups'];
    put?: never;
    /**
     * Create a group
     * @description Creates a group with you as its owner and `memberIds` as members (each must exist, with no block between you either way). Private by default. `postPermission: 'admins'` makes a broadcast group: only owners and admins post (others get 403 `message.post_forbidden`), members react and read, and it holds up to BROADCAST_MAX_MEMBERS members (else GROUP_MAX_MEMBERS). Someone whose privacy allows group adds from contacts only (`groupAdds: 'contacts'`) and who shares no conversation with you refuses it all: 403 `group.add_forbidden`, each such user in `errors`; invite them instead. Rate-limited per user (RATE_LIMIT_GROUPS_PER_USER).
     */
    post: operations['createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a group and its members
     * @description A group with its first 100 members (owner, then admins, then members, by joining time; the rest through GET /groups/:id/members from `membersNextCursor`): for its members, and for anyone when it is public. A group that does not exist and a private one you are not in are both 404.
     */
    get: operations['getGroup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a group
     * @description Owner and admins change its name, icon, description, visibility, history visibility, `mentionAll`, `pinPermission`, `postPermission` ('admins' makes a broadcast group; back to 'members' only within GROUP_MAX_MEMBERS, else 409 `group.full`) or `messageRetentionDays` (days messages are kept; null: the server default); a rename and a retention change are recorded as system messages and members hear `conversation:updated`. A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    patch: operations['updateGroup'];
    trace?: never;
  };
  '/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A page of a group's members
     * @description Members in the order of GET /groups/:id (owner, then admins, then members, by joining time), a page at a time: for big groups (a broadcast group has up to BROADCAST_MAX_MEMBERS). Who may see it as for GET /groups/:id.
     */
    get: operations['listGroupMembers'];
    put?: never;
    /**
     * Add members to a group
     * @description Owner and admins add users (each must exist, with no block between you either way); those already in are skipped, so repeating is harmless. Users who allow group adds from contacts only, when you share no conversation, refuse it all: 403 `group.add_forbidden` with each of them in `errors` (invite them instead). Rate-limited per user (RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER). A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    post: operations['addGroupMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member from a group
     * @description Admins remove members; only the owner removes an admin; nobody removes the owner. Your own id leaves the group. A `userId` who is not a member is 404 `user.not_found`. A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    delete: operations['removeGroupMember'];
    options?: never;
    head?: never;
    /**
     * Change a member's role
     * @description Owner and admins make members admins; the owner demotes admins, who may also step down; nobody changes the owner's role. A `userId` who is not a member is 404 `user.not_found`. A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    patch: operations['changeGroupMemberRole'];
    trace?: never;
  };
  '/groups/{id}/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Join a public group
     * @description Joins a public group and returns it as your conversation; a member joining again gets the same answer. A group that does not exist and a private one you are not in are both 404 (private groups are joined by invitation).
     */
    post: operations['joinGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{id}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Leave a group
     * @description Leaves the group; an owner who leaves hands it to the longest-standing admin, else member. A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    post: operations['leaveGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite a user to a group
     * @description Members invite to public groups, admins to private ones; the invitee hears `invitation:new`. One pending invitation per person and group: 201 when this request created it, 200 with the pending one. A group that does not exist and a private one you are not in are both 404 `group.not_found`; in a public group you are not in, member-only actions are 403 `forbidden`.
     */
    post: operations['inviteToGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your pending invitations
     * @description Invitations to groups waiting for your answer, newest first, a page at a time.
     */
    get: operations['listInvitations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation
     * @description Joins the group (private ones included) and returns it as your conversation, if the group still allows it: else, as for one that is not yours or already answered, 404 `invitation.not_found`.
     */
    post: operations['acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline an invitation
     * @description Closes a pending invitation of yours; one that is not yours or already answered is 404.
     */
    post: operations['declineInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calls/turn-credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Time-limited TURN credentials
     * @description Credentials for the operator's coturn (`use-auth-secret`): `{urls: uris, username, credential}` is an RTCIceServer. They expire after `ttl` seconds (TURN_TTL_SECONDS); ask again before a call. Without TURN_SECRET: 503 `turn.not_configured`.
     */
    get: operations['getTurnCredentials'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/push/vapid-public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Web Push application server key
     * @description Pass it as `applicationServerKey` to `pushManager.subscribe()`; the server signs its pushes with the matching key.
     */
    get: operations['getVapidPublicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/push/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your push devices
     * @description The push devices of all your signed-in sessions, oldest first.
     */
    get: operations['listPushDevices'];
    put?: never;
    /**
     * Register this session’s push device
     * @description A Web Push subscription (`platform: "webpush"`), an FCM registration token (`"fcm"`) or an APNs device token (`"apns"`, hex), or a PushKit VoIP token (`"apns-voip"`, hex: call pushes only). A Web Push endpoint must be https on a public address unless it is under `OUTBOUND_ALLOWED_URLS` (else 400 `push.endpoint_refused`). The device belongs to this session and is removed with it. The same endpoint or token again from this session answers 200 with the same device. A session keeps its 5 newest devices. FCM or APNs when this server has no credentials for it: 422 `push.platform_unavailable`.
     */
    post: operations['registerPushDevice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/push/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Unregister a push device
     * @description Stops pushes to one of your devices. Anyone else’s device is 404 `push.device_not_found`.
     */
    delete: operations['removePushDevice'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/push/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your push settings
     * @description What pushes to any of your devices show (`previews`). Per conversation, choose what notifies you with `PATCH /conversations/:id/settings`.
     */
    get: operations['getPushSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change your push settings
     * @description `previews`: 'full' shows the sender and the text, 'name' the sender only, 'none' neither ("New message"). FCM and APNs carry a push through Google’s and Apple’s servers in the clear: `none` keeps names and text off them too.
     */
    patch: operations['updatePushSettings'];
    trace?: never;
  };
  '/server/users/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create or update the user of an external id
     * @description Idempotent: the user of this external id (the app’s own user id) is created, or updated to the body. The app vouches for the email. A username or email that another account holds is 409.
     */
    put: operations['provisionUser'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/server/users/{externalId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a session for a provisioned user
     * @description Signs the user in with no Parley password: tokens as a sign-in returns them, for the app to hand to its client. The same `deviceId` ends that device’s previous session. Unknown external id: 404 `user.not_found`.
     */
    post: operations['mintUserSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/server/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a message as a provisioned user
     * @description For bots and system notices: the user provisioned under `senderExternalId` sends, exactly as their own `POST /conversations/:id/messages` would (the same body, rules and errors, and their message budget besides the key’s): 201 with the new message; a repeated `clientMessageId` of theirs in the conversation answers 200 with the original. Unknown `senderExternalId`: 404 `user.not_found`; a conversation the sender is not in: 404 `conversation.not_found`.
     */
    post: operations['sendMessageAsUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/server/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The webhooks
     * @description Every webhook, oldest first, with its status, its position in the log and, when failing or disabled, why.
     */
    get: operations['listWebhooks'];
    put?: never;
    /**
     * Send events to a URL
     * @description Events committed from now on whose type is among `events` (`["*"]`: all) are POSTed to `url`, one request per event, in event order, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). A delivery that does not get a 2xx is retried with backoff, with the same `webhook-id`; later events wait. The URL must be https on a public address unless under `OUTBOUND_ALLOWED_URLS` (else 400 `webhook.url_refused`). The signing secret is in this response only. At most 20 webhooks (409 `webhook.limit_reached`).
     */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/server/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One webhook
     * @description Its status, position and, when failing or disabled, why. The secret is not shown again.
     */
    get: operations['getWebhook'];
    put?: never;
    post?: never;
    /**
     * Delete a webhook
     * @description Nothing more is sent to it (a request in flight may still arrive).
     */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    /**
     * Turn a webhook on or off
     * @description `{enabled: true}` turns a disabled webhook on again: it resumes at the first event it had not delivered (events older than `EVENT_RETENTION_DAYS` are gone). `{enabled: false}` stops deliveries and keeps the position.
     */
    patch: operations['updateWebhook'];
    trace?: never;
  };
  '/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a message or a user
     * @description A `messageId` you can see (else 404 `message.not_found`) or a `userId`; with neither, 400 `report.target_required`. The reported content (text, media ids, sender, conversation; the user’s name and username) is kept with the report, so it stays after the message is deleted. Reports are rate-limited per user.
     */
    post: operations['createReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List reports
     * @description Reports of one `status` (default `open`), newest first, paged with `nextCursor`. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['listReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve a report
     * @description `dismiss`; `delete_message` deletes the reported message for everyone; `suspend_user` suspends the reported user (`note` is the reason, `until` optional), closing their sessions and sockets. The action and the resolution commit together. A resolved report is 409 `report.already_resolved`; an action the report has no target for is 422 `report.action_invalid`. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    post: operations['resolveReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a message for everyone
     * @description In any conversation, as its sender deleting it for everyone would: its members see the tombstone and hear `message:deleted`. A message already deleted stays as it is. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    delete: operations['deleteMessageAsAdmin'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An account, as the admin screen shows it
     * @description Profile (with email and phone), role, suspension, live sessions and the newest audit entries. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['getUserAsAdmin'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend a user
     * @description Every session of theirs ends (tokens refused, sockets closed on every node) and every sign-in (password, code, ID token, refresh, server-minted) is 403 `auth.suspended` until lifted or `until` passes. Their messages stay. Suspending again replaces the reason and end. You cannot suspend yourself (403 `forbidden`). Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    post: operations['suspendUser'];
    /**
     * Lift a suspension
     * @description The user may sign in again (their old sessions stay ended). No suspension: nothing changes. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    delete: operations['unsuspendUser'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Counts for the admin screen
     * @description Users, messages per day (the last 7 UTC days), connected sockets (on every node with Redis, `scope` says which) and the storage media take. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['getAdminStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log
     * @description Admin actions and security events (sign-ins and failures, sessions revoked, password resets and changes, role changes, suspensions, server keys, deleted accounts), newest first, paged; filter by `actorId`, `targetId`, `action`. Kept AUDIT_LOG_RETENTION_DAYS. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['listAuditLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/audit-log/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export the audit log as NDJSON
     * @description Every entry matching the filters, oldest first, one JSON object (an AuditEntry) per line, streamed. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['exportAuditLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/backup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a backup (PGlite deployments)
     * @description A zip of one consistent snapshot of the PGlite database, taken while the server serves, then every stored object it refers to (media, thumbnails, avatars), streamed; restore it with `npm run admin -- restore FILE --data-dir DIR` (docs/operations.md, Backup and restore). The snapshot is held in memory while it is sent. On PostgreSQL: 409 `backup.use_pg_dump`. Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).
     */
    get: operations['downloadBackup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    PushSettingsInput: {
      /**
       * @description What a push shows on every device of yours: the sender and the text ('full'), the sender only ('name'), or neither ('none').
       * @enum {string}
       */
      previews: 'full' | 'name' | 'none';
    };
    PrivacySettings: {
      /**
       * @description Who sees your `lastActive` (GET /users/:id, search, presence:query, user:offline).
       * @enum {string}
       */
      lastSeen: 'everyone' | 'contacts' | 'nobody';
      /**
       * @description Who sees `isOnline: true` and hears `user:online` / `user:offline` about you.
       * @enum {string}
       */
      online: 'everyone' | 'contacts' | 'nobody';
      /** @description Off: nobody hears `message:status` 'read' about you, you hear none about others, and your messages' `status` stops at 'delivered'. */
      readReceipts: boolean;
      /**
       * @description Who may add you to a group directly; anyone else gets group.add_forbidden and may send an invitation.
       * @enum {string}
       */
      groupAdds: 'everyone' | 'contacts';
    };
    User: {
      /** Format: uuid */
      id: string;
      name: string;
      username: string;
      initials: string;
      avatarColor: string;
      avatarUrl: string | null;
      bio: string | null;
      isOnline: boolean;
      lastActive: string | null;
      createdAt: string;
      /** @description Your own profile only. */
      email?: string | null;
      /** @description Your own profile only. */
      phoneNumber?: string | null;
      /** @description Your own profile only: whether `phoneNumber` was proven by a code (only then does it sign in or match). */
      phoneVerified?: boolean;
      /** @description Your own profile only: whether `email` was proven by following a mailed link (POST /auth/email/verify). */
      emailVerified?: boolean;
      /** @description Your own profile only: bytes counted against your storage quota: your stored media (with thumbnails) and the full `Upload-Length` of your unfinished tus uploads. Avatars do not count. */
      storageUsed?: number;
      /** @description Your own profile only: your storage quota in bytes (MEDIA_QUOTA_BYTES_PER_USER); null: no quota. */
      storageQuota?: number | null;
      /**
       * @description Your own profile only: 'admin' may use the /admin routes (docs/operations.md, Moderation).
       * @enum {string}
       */
      role?: 'user' | 'admin';
      /** @description Your own profile only: your privacy settings (GET /users/me/privacy). */
      privacy?: components['schemas']['PrivacySettings'];
    };
    Media: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'image' | 'video' | 'audio' | 'file';
      mimeType: string;
      size: number;
      width: number | null;
      height: number | null;
      /** @description The uploader's file name (made safe), or null. */
      name: string | null;
      url: string;
      thumbnailUrl: string | null;
    };
    Reaction: {
      emoji: string;
      /** Format: uuid */
      userId: string;
    };
    /** @description Who a message mentions; empty (`{userIds: [], all: false}`) when no one. */
    Mentions: {
      /** @description The members mentioned by id. */
      userIds: string[];
      /** @description Whether everyone in the conversation is mentioned (`@all`). */
      all: boolean;
    };
    /** @description The thread under a top-level message. */
    ThreadSummary: {
      /** @description Replies not deleted for everyone. */
      replyCount: number;
      lastReplyId: string | null;
      lastReplyAt: string | null;
      /** @description Who replied, first come first, at most 10. */
      participantIds: string[];
    };
    /** @description What the sender's server found at the message's first link, fetched once after it was sent (not for encrypted messages). */
    LinkPreview: {
      /** @description The URL of the text it previews (the first http(s) one). */
      url: string;
      title: string | null;
      description: string | null;
      siteName: string | null;
      image: {
        /** Format: uuid */
        mediaId: string;
        /** @description Parley's media URL for it (GET, with the bearer token): recipients never contact the site. */
        url: string;
        width: number | null;
        height: number | null;
      } | null;
    };
    /** @description A poll message (type "poll"): its options with live counts. */
    Poll: {
      question: string;
      options: {
        id: string;
        text: string;
        /** @description How many voters chose it. */
        votes: number;
        /** @description Who chose it; absent in an anonymous poll (no one learns who voted). */
        voterIds?: string[];
      }[];
      multipleChoice: boolean;
      anonymous: boolean;
      /** @description When it closes by itself; null: only when closed. */
      closesAt: string | null;
      /** @description When it was closed by its author or an admin. */
      closedAt: string | null;
      /** @description No more votes: closed, or closesAt has passed. */
      closed: boolean;
      /** @description How many members voted. */
      voterCount: number;
    };
    Message: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversationId: string;
      /** @description Position in the conversation: no gaps, no reordering. */
      seq: number;
      /** Format: uuid */
      senderId: string;
      clientMessageId: string | null;
      /** @enum {string} */
      type: 'text' | 'image' | 'video' | 'audio' | 'file' | 'system' | 'poll';
      text: string | null;
      media: components['schemas']['Media'][];
      /** @description Poll messages only (gone once deleted for everyone). */
      poll?: components['schemas']['Poll'];
      replyTo: {
        /** Format: uuid */
        id: string;
        seq: number;
        /** Format: uuid */
        senderId: string;
        text: string | null;
      } | null;
      reactions: components['schemas']['Reaction'][];
      /** @enum {string} */
      status: 'sent' | 'delivered' | 'read';
      encrypted: boolean;
      system: {
        /** @enum {string} */
        action:
          | 'group_created'
          | 'member_added'
          | 'member_removed'
          | 'member_joined'
          | 'member_left'
          | 'group_renamed'
          | 'retention_changed'
          | 'message_pinned'
          | 'call_missed'
          | 'disappearing_changed';
        /** Format: uuid */
        actorId: string;
        /** Format: uuid */
        userId?: string;
        name?: string;
        /** @description `retention_changed`: the group's new `messageRetentionDays`; null: the server's default again. */
        days?: number | null;
        /**
         * Format: uuid
         * @description `message_pinned`: the message that was pinned.
         */
        messageId?: string;
        /** @description `disappearing_changed`: the new `disappearAfterSeconds`; null: disappearing messages off. */
        seconds?: number | null;
      } | null;
      mentions: components['schemas']['Mentions'];
      /** @description Forwarded from another message (its text and media), not written by the sender. */
      forwarded: boolean;
      /** @description A reply in the thread of this message; null for a top-level message. */
      threadRootId: string | null;
      /** @description On a top-level message that has been replied to in a thread. */
      thread: components['schemas']['ThreadSummary'] | null;
      /** @description null until (and unless) the preview was fetched; it arrives as `message:updated`. */
      linkPreview: components['schemas']['LinkPreview'] | null;
      editedAt: string | null;
      deletedAt: string | null;
      /** @description Disappearing messages: when it disappears for everyone (sent while the timer was on); null: never. */
      expiresAt: string | null;
      createdAt: string;
    };
    /** @description A pinned message of a conversation. */
    Pin: {
      message: components['schemas']['Message'];
      /**
       * Format: uuid
       * @description Who pinned it.
       */
      pinnedBy: string;
      pinnedAt: string;
    };
    /** @description A message you starred (private to you). */
    Star: {
      message: components['schemas']['Message'];
      starredAt: string;
    };
    /** @description One target of a forward: the new message, or the error of that target alone. */
    ForwardResult:
      | {
          /** Format: uuid */
          conversationId: string;
          message: components['schemas']['Message'];
        }
      | {
          /** Format: uuid */
          conversationId: string;
          /** @description Why this target was refused, with the code its own send would have had: `conversation.not_found`, `user.blocked`, `message.media_invalid`, `rate_limited`. */
          error: {
            code: string;
            message: string;
          };
        };
    Conversation: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type: 'direct' | 'group';
      name: string | null;
      icon: string | null;
      iconBg: string | null;
      about: string | null;
      /** @description Groups; null for direct chats. */
      visibility: ('public' | 'private') | null;
      /** @description Groups: whether members read messages from before they joined ('shared') or not ('joined'); null for direct chats. */
      historyVisibility: ('joined' | 'shared') | null;
      /** @description Groups: who may mention everyone (`mentions.all`): owners and admins ('admins') or any member; null for direct chats. */
      mentionAll: ('admins' | 'members') | null;
      /** @description Groups: who may pin and unpin messages: owners and admins ('admins') or any member; null for direct chats (both may). */
      pinPermission: ('admins' | 'members') | null;
      /** @description Groups: who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose members react and read) or every member; null for direct chats. */
      postPermission: ('admins' | 'members') | null;
      lastSeq: number;
      /** @description Groups: days a message is kept before it is purged, the group's own setting; null: the server's default (MESSAGE_RETENTION_DAYS, which may be none) and always for direct chats. */
      messageRetentionDays: number | null;
      /** @description Every message with a seq at or below this was purged by retention (0: none); history, search and sync start after it. */
      purgedThroughSeq: number;
      /** @description Disappearing messages: messages sent from now on disappear this many seconds after they were sent (60..7776000); null: off. */
      disappearAfterSeconds: number | null;
      createdAt: string;
      updatedAt: string;
      /** @description Direct chats: the other person. */
      otherUser: components['schemas']['User'] | null;
      lastMessage: components['schemas']['Message'] | null;
      unreadCount: number;
      /** @description Messages after your read watermark that mention you (by id or `all`), not your own nor deleted ones. */
      unreadMentionCount: number;
      lastReadSeq: number;
      /** @description Muted now: muted without an end (`isMuted: true` in the settings) or until `mutedUntil`. Silences every notification. */
      isMuted: boolean;
      /** @description A timed mute: muted until then (ISO 8601); null when not (or it has passed). */
      mutedUntil: string | null;
      /**
       * @description Which messages notify you: all, only those mentioning you ('mentions'), or none.
       * @enum {string}
       */
      notifications: 'all' | 'mentions' | 'none';
      isArchived: boolean;
      isPinned: boolean;
      /** @description Groups: the caller's role; null for direct chats. */
      role: ('owner' | 'admin' | 'member') | null;
    };
    GroupSummary: {
      /** Format: uuid */
      id: string;
      name: string | null;
      icon: string | null;
      iconBg: string | null;
      about: string | null;
      /** @description Groups; null for direct chats. */
      visibility: ('public' | 'private') | null;
      /** @description Groups: whether members read messages from before they joined ('shared') or not ('joined'); null for direct chats. */
      historyVisibility: ('joined' | 'shared') | null;
      /** @description Groups: who may mention everyone (`mentions.all`): owners and admins ('admins') or any member; null for direct chats. */
      mentionAll: ('admins' | 'members') | null;
      /** @description Groups: who may pin and unpin messages: owners and admins ('admins') or any member; null for direct chats (both may). */
      pinPermission: ('admins' | 'members') | null;
      /** @description Groups: who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose members react and read) or every member; null for direct chats. */
      postPermission: ('admins' | 'members') | null;
      lastSeq: number;
      /** @description Groups: days a message is kept before it is purged, the group's own setting; null: the server's default (MESSAGE_RETENTION_DAYS, which may be none) and always for direct chats. */
      messageRetentionDays: number | null;
      /** @description Every message with a seq at or below this was purged by retention (0: none); history, search and sync start after it. */
      purgedThroughSeq: number;
      /** @description Disappearing messages: messages sent from now on disappear this many seconds after they were sent (60..7776000); null: off. */
      disappearAfterSeconds: number | null;
      createdAt: string;
      updatedAt: string;
      /** @constant */
      type: 'group';
      memberCount: number;
    };
    Member: {
      user: components['schemas']['User'];
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member';
      joinedAt: string;
    };
    Invitation: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversationId: string;
      group: components['schemas']['GroupSummary'];
      inviter: components['schemas']['User'];
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'declined' | 'revoked';
      createdAt: string;
    };
    /** @description An error: application/problem+json with a stable `code`. */
    Problem: {
      /** @example https://parley.dev/problems/conversation.not_found */
      type: string;
      /** @example Not Found */
      title: string;
      /** @example 404 */
      status: number;
      /**
       * @description Stable error code (docs/api.md lists them all).
       * @example conversation.not_found
       */
      code: string;
      /** @example conversation not found */
      detail: string;
      /** @description The request path (never its query). */
      instance?: string;
      /** @description validation.failed: each bad field. */
      errors?: {
        /** @example body.text */
        path: string;
        message: string;
      }[];
    };
    Report: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      reporterId: string;
      messageId: string | null;
      /** @description The reported user: the one named, or the sender of the message. */
      userId: string | null;
      /** @enum {string} */
      reason: 'spam' | 'abuse' | 'illegal' | 'other';
      note: string | null;
      /** @enum {string} */
      status: 'open' | 'resolved';
      /** @description What was reported, as it was when reported: it stays when the message is deleted. */
      snapshot: {
        message: {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          conversationId: string;
          /** Format: uuid */
          senderId: string;
          text: string | null;
          mediaIds: string[];
          /** @description ISO 8601. */
          createdAt: string;
        } | null;
        user: {
          /** Format: uuid */
          id: string;
          name: string;
          username: string;
        } | null;
      };
      /** @description ISO 8601. */
      createdAt: string;
      resolvedAt: string | null;
      resolvedBy: string | null;
      action: ('dismiss' | 'delete_message' | 'suspend_user') | null;
      resolutionNote: string | null;
    };
    AuditEntry: {
      /** Format: uuid */
      id: string;
      /** @description Who did it; null for the system (ADMIN_EMAILS, the CLI, a failed sign-in). */
      actorId: string | null;
      /** @enum {string} */
      action:
        | 'auth.signed_in'
        | 'auth.sign_in_failed'
        | 'session.revoked'
        | 'password.reset'
        | 'password.changed'
        | 'user.role_changed'
        | 'user.suspended'
        | 'user.unsuspended'
        | 'report.resolved'
        | 'message.deleted'
        | 'server_key.created'
        | 'server_key.revoked'
        | 'account.deleted'
        | 'backup.downloaded';
      /** @enum {string} */
      targetType: 'user' | 'session' | 'message' | 'report' | 'server_key';
      targetId: string | null;
      /** @description ISO 8601. */
      at: string;
      details: {
        [key: string]: unknown;
      };
    };
    Suspension: {
      /** @description ISO 8601. */
      since: string;
      until: string | null;
      reason: string | null;
      by: string | null;
    };
    Webhook: {
      /** Format: uuid */
      id: string;
      url: string;
      events: string[];
      /**
       * @description `failing`: the latest attempts failed and are being retried (see `lastError`); `disabled`: nothing is sent.
       * @enum {string}
       */
      status: 'active' | 'failing' | 'disabled';
      createdAt: string;
      /** @description The name of the server API key that created it. */
      createdBy: string;
      /** @description Since when every attempt failed; null once one succeeds. */
      failingSince: string | null;
      /** @description What the latest failed attempt got (`HTTP 500`, a timeout, a refused URL). */
      lastError: string | null;
      disabledAt: string | null;
      /** @description Why it was disabled: sustained failure (since when, and the error) or the API. */
      disabledReason: string | null;
      /** @description The id of the last event it is done with: delivered, or not among its `events`. */
      position: number;
    };
    TurnCredentials: {
      /** @description `expiry:userId`, expiry in Unix seconds. */
      username: string;
      /** @description base64(HMAC-SHA1(TURN_SECRET, username)): the TURN password. */
      credential: string;
      /** @description Seconds the credentials stay valid. */
      ttl: number;
      /** @description TURN_URIS: give them with the credentials as an RTCIceServer. */
      uris: string[];
    };
    PushSettings: {
      /**
       * @description What a push shows on every device of yours: the sender and the text ('full'), the sender only ('name'), or neither ('none').
       * @enum {string}
       */
      previews: 'full' | 'name' | 'none';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  checkLiveness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            /**
             * @description The server clock, ISO 8601.
             * @example 2025-01-31T12:00:00.000Z
             */
            timestamp: string;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  checkReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            /** @enum {string} */
            database: 'connected';
            /**
             * @description Only when the server uses Redis (REDIS_URL).
             * @enum {string}
             */
            redis?: 'connected';
          };
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listSignInMethods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            password: true;
            phone: {
              /** @enum {string} */
              delivery: 'sms' | 'log';
            } | null;
            /** @description Set when Google sign-in (POST /auth/google) is configured. */
            google: {
              /** @example 1234-abc.apps.googleusercontent.com */
              clientId: string;
            } | null;
          };
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
          name: string;
          username?: string;
          deviceId?: string;
          deviceName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.email_taken`, `user.username_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.email_taken' | 'user.username_taken';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          login: string;
          password: string;
          deviceId?: string;
          deviceName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.invalid_credentials` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.invalid_credentials';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  refreshSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          refreshToken: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.refresh_invalid`, `auth.refresh_reused` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.refresh_invalid' | 'auth.refresh_reused';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  requestSignInCode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description International format; spaces and dashes are fine.
           * @example +14155550123
           */
          phoneNumber: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            sent: true;
            /**
             * @description Seconds before another code can be sent to this number.
             * @example 60
             */
            retryAfter: number;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.method_disabled`, `otp.send_failed`, `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.method_disabled' | 'otp.send_failed' | 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  signInWithPhone: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description International format; spaces and dashes are fine.
           * @example +14155550123
           */
          phoneNumber: string;
          /** @example 123456 */
          otp: string;
          deviceId: string;
          deviceName?: string;
          name?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
            /** @description Whether this sign-in created the account. */
            created: boolean;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `otp.expired`, `otp.invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'otp.expired' | 'otp.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended`, `otp.locked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended' | 'otp.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  signInWithGoogle: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          idToken: string;
          deviceId?: string;
          deviceName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
            /** @description Whether this sign-in created the account. */
            created: boolean;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.google_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.google_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.account_exists` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.account_exists';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.method_disabled`, `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.method_disabled' | 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  linkGoogleAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          idToken: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.google_invalid`, `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.google_invalid' | 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.account_exists` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.account_exists';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.method_disabled`, `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.method_disabled' | 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  signInWithIdToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          issuer: string;
          token: string;
          deviceId?: string;
          deviceName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
            /** @description Whether this sign-in created the account. */
            created: boolean;
          };
        };
      };
      /** @description `auth.unknown_issuer`, `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.unknown_issuer' | 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.google_invalid`, `auth.id_token_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.google_invalid' | 'auth.id_token_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.account_exists` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.account_exists';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.malformed_json';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getCurrentUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sessions: {
              /** Format: uuid */
              id: string;
              /** @example pixel-8-3f2a */
              deviceId: string;
              /** @example Pixel 8 */
              deviceName: string | null;
              createdAt: string;
              /** @description When a request or socket used the session last, to the minute: it is written at most once a minute, within a second of the use. */
              lastUsedAt: string;
              /** @description The session making this request. */
              current: boolean;
            }[];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  revokeSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `session.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'session.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  requestEmailVerification: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.malformed_json` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.malformed_json';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.no_email` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.no_email';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  verifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The `token` of the mailed link. */
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `auth.link_invalid`, `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.link_invalid' | 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.link_expired` */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.link_expired';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  forgotPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The `token` of the mailed link. */
          token: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `auth.link_invalid`, `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.link_invalid' | 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.link_expired` */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.link_expired';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.wrong_password` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.wrong_password';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getOwnProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  deleteAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Required when the account has a password. */
          password?: string;
        } | null;
      };
    };
    responses: {
      /** @description The account is deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.reauth_required` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.reauth_required';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updateProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          username?: string;
          bio?: string | null;
          phoneNumber?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.username_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.username_taken';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  verifyPhoneNumber: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description International format; spaces and dashes are fine.
           * @example +14155550123
           */
          phoneNumber: string;
          /** @example 123456 */
          otp: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized`, `otp.expired`, `otp.invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code:
                'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized' | 'otp.expired' | 'otp.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `otp.locked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'otp.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.phone_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.phone_taken';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getPrivacySettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            privacy: components['schemas']['PrivacySettings'];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updatePrivacySettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Who sees your `lastActive` (GET /users/:id, search, presence:query, user:offline).
           * @enum {string}
           */
          lastSeen?: 'everyone' | 'contacts' | 'nobody';
          /**
           * @description Who sees `isOnline: true` and hears `user:online` / `user:offline` about you.
           * @enum {string}
           */
          online?: 'everyone' | 'contacts' | 'nobody';
          /** @description Off: nobody hears `message:status` 'read' about you, you hear none about others, and your messages' `status` stops at 'delivered'. */
          readReceipts?: boolean;
          /**
           * @description Who may add you to a group directly; anyone else gets group.add_forbidden and may send an invitation.
           * @enum {string}
           */
          groupAdds?: 'everyone' | 'contacts';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            privacy: components['schemas']['PrivacySettings'];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  exportOwnData: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The archive. */
      200: {
        headers: {
          /** @description `attachment; filename="parley-export-<date>.zip"`. */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  searchUsers: {
    parameters: {
      query: {
        /** @description Part of a name or username, at least 2 characters. */
        search: string;
        limit?: number;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: components['schemas']['User'][];
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  syncContacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          phoneNumbers: string[];
          defaultCountryCode?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: components['schemas']['User'][];
            matches: {
              /**
               * @description The number as sent.
               * @example +1 (415) 555-0123
               */
              input: string;
              /**
               * @description The number in E.164.
               * @example +14155550123
               */
              phoneNumber: string;
              /** Format: uuid */
              userId: string;
            }[];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  blockUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.block_self` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.block_self';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  unblockUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listBlockedUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: components['schemas']['User'][];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  publishKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          identityKey: string;
          signedPreKey: {
            /** @example 1 */
            keyId: number;
            publicKey: string;
            signature: string;
          };
          /** @default [] */
          oneTimePreKeys?: {
            /** @example 1 */
            keyId: number;
            publicKey: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 100 */
            oneTimePreKeyCount: number;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `keys.bad_signature`, `keys.too_many` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'keys.bad_signature' | 'keys.too_many';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  countOneTimePreKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 100 */
            oneTimePreKeyCount: number;
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  claimKeyBundle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            identityKey: string;
            signedPreKey: {
              /** @example 1 */
              keyId: number;
              publicKey: string;
              signature: string;
            };
            oneTimePreKey: {
              /** @example 1 */
              keyId: number;
              publicKey: string;
            } | null;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `keys.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'keys.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listConversations: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `nextCursor` of the page before; omit for the first page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversations: components['schemas']['Conversation'][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Opaque.
             * @example eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  openDirectChat: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description The other person.
           */
          userId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: components['schemas']['Conversation'];
            /** @description True when this request created the chat (201), false when it already existed (200). */
            created: boolean;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: components['schemas']['Conversation'];
            /** @description True when this request created the chat (201), false when it already existed (200). */
            created: boolean;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.self` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.self';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getConversation: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: components['schemas']['Message'][];
            /**
             * @description The seq to pass as `before` (or as `after` when catching up) for the next page; null when there is none.
             * @example 120
             */
            nextCursor: string | null;
            hasMore: boolean;
            conversation: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listMessages: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The page just before this seq (paging back); the latest page if omitted. */
        before?: number;
        /** @description The page just after this seq (catching up); not with `before` or `cursor`. */
        after?: number;
        /** @description Another name for `before`. */
        cursor?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: components['schemas']['Message'][];
            /**
             * @description The seq to pass as `before` (or as `after` when catching up) for the next page; null when there is none.
             * @example 120
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  sendMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text?: string;
          mediaIds?: string[];
          /** Format: uuid */
          replyToId?: string;
          clientMessageId?: string;
          encrypted?: boolean;
          mentions?: {
            /** @description Members to mention (at most 100). */
            userIds: string[];
            /**
             * @description Mention everyone in the group.
             * @default false
             */
            all?: boolean;
          };
          /**
           * Format: uuid
           * @description Reply in the thread of this top-level message of the same conversation (not itself a reply in a thread).
           */
          threadRootId?: string;
          /** @description Makes it a poll: no text, media or encryption with it. */
          poll?: {
            question: string;
            /** @description The options, 2 to 12, each up to 100 characters. */
            options: string[];
            /** @default false */
            multipleChoice?: boolean;
            /** @default false */
            anonymous?: boolean;
            /**
             * Format: date-time
             * @description When it closes by itself (in the future).
             */
            closesAt?: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: components['schemas']['Message'];
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: components['schemas']['Message'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.mention_all_forbidden`, `message.post_forbidden`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.mention_all_forbidden' | 'message.post_forbidden' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `thread.root_deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'thread.root_deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.media_invalid`, `message.mention_invalid`, `message.reply_invalid`, `poll.closes_at_invalid`, `thread.root_invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code:
                | 'message.media_invalid'
                | 'message.mention_invalid'
                | 'message.reply_invalid'
                | 'poll.closes_at_invalid'
                | 'thread.root_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  markConversationRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Up to this seq; the conversation's last message if omitted.
           * @example 42
           */
          upToSeq?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 42 */
            lastReadSeq: number;
            /** @example 0 */
            unreadCount: number;
            /**
             * @description Unread messages that mention you (by id or `all`).
             * @example 0
             */
            unreadMentionCount: number;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updateConversationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description true: muted without an end; false: unmuted (also ends a timed mute). */
          isMuted?: boolean;
          /** @description Muted until then (ISO 8601); null, or a time not in the future, ends a timed mute. */
          mutedUntil?: string | null;
          /**
           * @description Which messages notify you: 'all', 'mentions' (only those), 'none'.
           * @enum {string}
           */
          notifications?: 'all' | 'mentions' | 'none';
          isArchived?: boolean;
          isPinned?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            settings: {
              isMuted: boolean;
              mutedUntil: string | null;
              /** @enum {string} */
              notifications: 'all' | 'mentions' | 'none';
              isArchived: boolean;
              isPinned: boolean;
            };
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  setDisappearingTimer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Seconds after which messages sent from now on disappear (60..7776000, e.g. 300, 3600, 86400, 604800, 7776000); null: off.
           * @example 86400
           */
          seconds: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_admin` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_admin';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  searchMessages: {
    parameters: {
      query: {
        /** @description Words to find. */
        q: string;
        /** @description Search only this conversation. */
        conversationId?: string;
        limit?: number;
        /** @description The `nextCursor` of the page before. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: components['schemas']['Message'][];
            /**
             * @description The message id to pass as `cursor` for the next page; null when there is none.
             * @example 0197c1e2-5b7a-7d3c-9f1e-2a4b6c8d0e1f
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  deleteMessage: {
    parameters: {
      query?: {
        /** @description Hide it for yourself, or wipe it for everyone. */
        for?: 'self' | 'everyone';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `message.delete_window_passed` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'message.delete_window_passed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  editMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text: string;
          /** @description The mentions after the edit (replacing them); unchanged if omitted. */
          mentions?: {
            /** @description Members to mention (at most 100). */
            userIds: string[];
            /**
             * @description Mention everyone in the group.
             * @default false
             */
            all?: boolean;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: components['schemas']['Message'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.edit_window_passed`, `message.mention_all_forbidden`, `message.not_sender`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.edit_window_passed' | 'message.mention_all_forbidden' | 'message.not_sender' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.mention_invalid`, `message.not_editable` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.mention_invalid' | 'message.not_editable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  setReaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @example 👍 */
          emoji: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reactions: components['schemas']['Reaction'][];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  removeReaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reactions: components['schemas']['Reaction'][];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  pinMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pin: components['schemas']['Pin'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_admin`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_admin' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted`, `pin.limit_reached` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted' | 'pin.limit_reached';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  unpinMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_admin` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_admin';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listPins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The latest pinned first; at most 50 (a conversation keeps no more). */
            pins: components['schemas']['Pin'][];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  starMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  unstarMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listStarred: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `nextCursor` of the page before; omit for the first page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The latest starred first. */
            stars: components['schemas']['Star'][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Opaque.
             * @example eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  forwardMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The conversations to forward it to (at most 10; repeats count once). */
          conversationIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description One per target, in the order given: the forwarded message, or the error of that target alone. */
            results: components['schemas']['ForwardResult'][];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_forwardable` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_forwardable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listReceipts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            delivered: {
              /** Format: uuid */
              userId: string;
              /**
               * @description When their watermark passed the message (at or before).
               * @example 2026-12-01T12:00:00.000Z
               */
              at: string;
            }[];
            read: {
              /** Format: uuid */
              userId: string;
              /**
               * @description When their watermark passed the message (at or before).
               * @example 2026-12-01T12:00:00.000Z
               */
              at: string;
            }[];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  markMessageRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found`, `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found' | 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listThread: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The page just before this seq (paging back); the latest page if omitted. */
        before?: number;
        /** @description The page just after this seq (catching up); not with `before` or `cursor`. */
        after?: number;
        /** @description Another name for `before`. */
        cursor?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: components['schemas']['Message'][];
            /**
             * @description The seq to pass as `before` (or as `after` when catching up) for the next page; null when there is none.
             * @example 120
             */
            nextCursor: string | null;
            hasMore: boolean;
            root: components['schemas']['Message'];
            /**
             * @description The seq of the last reply you have read in this thread (0: none).
             * @example 42
             */
            lastReadSeq: number;
            /**
             * @description Others' replies after it.
             * @example 0
             */
            unreadCount: number;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `thread.root_invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'thread.root_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  markThreadRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Up to this seq; the conversation's last message if omitted.
           * @example 42
           */
          upToSeq?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description The seq of the last reply you have read in this thread (0: none).
             * @example 42
             */
            lastReadSeq: number;
            /**
             * @description Others' replies after it.
             * @example 0
             */
            unreadCount: number;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `thread.root_invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'thread.root_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  votePoll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Exactly one in a single-choice poll; [] retracts. */
          optionIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            poll: components['schemas']['Poll'];
            myVote: string[];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `poll.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'poll.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted`, `poll.closed` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted' | 'poll.closed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `poll.option_invalid`, `poll.single_choice` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'poll.option_invalid' | 'poll.single_choice';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  closePoll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            poll: components['schemas']['Poll'];
            myVote: string[];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `poll.close_forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'poll.close_forbidden';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `poll.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'poll.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getPoll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            poll: components['schemas']['Poll'];
            myVote: string[];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `poll.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'poll.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  createTusUpload: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every tus request but OPTIONS (else 412). */
        'Tus-Resumable': '1.0.0';
        /** @description The size of the whole file, in bytes. */
        'Upload-Length': number;
        /** @description Comma-separated `key base64value` pairs: `filename`, `filetype`. */
        'Upload-Metadata'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Created. */
      201: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          /** @description The upload’s URL: `/api/v1/media/tus/{id}`. */
          Location?: string;
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          /** @description Once the last byte is in: the id of the Media it became (as from POST /media/upload). */
          'Media-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.malformed_json`, `tus.length_exceeded`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'tus.length_exceeded' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.offset_mismatch` */
      409: {
        headers: {
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.offset_mismatch';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.version_unsupported` */
      412: {
        headers: {
          /** @description The versions supported: `1.0.0`. */
          'Tus-Version'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.version_unsupported';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.quota_exceeded`, `media.too_large`, `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.quota_exceeded' | 'media.too_large' | 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.unsupported_type`, `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.unsupported_type' | 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.locked` */
      423: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.too_many_uploads`, `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.too_many_uploads' | 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getTusCapabilities: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The capabilities, in headers. */
      204: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          /** @description `1.0.0`. */
          'Tus-Version'?: string;
          /** @description `creation,creation-with-upload,termination`. */
          'Tus-Extension'?: string;
          /** @description The largest upload, in bytes (TUS_MAX_BYTES). */
          'Tus-Max-Size'?: number;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  overrideTusMethod: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every tus request but OPTIONS (else 412). */
        'Tus-Resumable': '1.0.0';
        /** @description The method this request stands for. */
        'X-HTTP-Method-Override': 'PATCH' | 'DELETE';
        /** @description For PATCH: where the bytes go. */
        'Upload-Offset'?: number;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stored (PATCH) or terminated (DELETE). */
      204: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          /** @description Once the last byte is in: the id of the Media it became (as from POST /media/upload). */
          'Media-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `tus.length_exceeded`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'tus.length_exceeded' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found`, `tus.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found' | 'tus.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.offset_mismatch` */
      409: {
        headers: {
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.offset_mismatch';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.version_unsupported` */
      412: {
        headers: {
          /** @description The versions supported: `1.0.0`. */
          'Tus-Version'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.version_unsupported';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.too_large`, `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.too_large' | 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.unsupported_type`, `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.unsupported_type' | 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.locked` */
      423: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  terminateTusUpload: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every tus request but OPTIONS (else 412). */
        'Tus-Resumable': '1.0.0';
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Terminated. */
      204: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.version_unsupported` */
      412: {
        headers: {
          /** @description The versions supported: `1.0.0`. */
          'Tus-Version'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.version_unsupported';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.locked` */
      423: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getTusUploadOffset: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every tus request but OPTIONS (else 412). */
        'Tus-Resumable': '1.0.0';
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No body: the state, in headers. */
      200: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          /** @description The size of the whole upload. */
          'Upload-Length'?: number;
          /** @description As given at creation. */
          'Upload-Metadata'?: string;
          /** @description `no-store`. */
          'Cache-Control'?: string;
          /** @description Once the last byte is in: the id of the Media it became (as from POST /media/upload). */
          'Media-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.version_unsupported` */
      412: {
        headers: {
          /** @description The versions supported: `1.0.0`. */
          'Tus-Version'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.version_unsupported';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  appendTusChunk: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every tus request but OPTIONS (else 412). */
        'Tus-Resumable': '1.0.0';
        /** @description Where these bytes go: the offset HEAD reported (else 409). */
        'Upload-Offset': number;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description The next bytes of the upload, from Upload-Offset on. */
    requestBody: {
      content: {
        'application/offset+octet-stream': string;
      };
    };
    responses: {
      /** @description Stored. */
      204: {
        headers: {
          /** @description The protocol version: `1.0.0`. */
          'Tus-Resumable'?: string;
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          /** @description Once the last byte is in: the id of the Media it became (as from POST /media/upload). */
          'Media-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `tus.length_exceeded`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'tus.length_exceeded' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.offset_mismatch` */
      409: {
        headers: {
          /** @description How many bytes of the upload the server has. */
          'Upload-Offset'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.offset_mismatch';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.version_unsupported` */
      412: {
        headers: {
          /** @description The versions supported: `1.0.0`. */
          'Tus-Version'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.version_unsupported';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.too_large`, `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.too_large' | 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.unsupported_type`, `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.unsupported_type' | 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `tus.locked` */
      423: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'tus.locked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  uploadMedia: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description An image, video, audio file or document of a supported type (sniffed from its bytes), at most MEDIA_MAX_BYTES.
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description The stored Media: yours, until attached to a message. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            media: components['schemas']['Media'];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.quota_exceeded`, `media.too_large`, `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.quota_exceeded' | 'media.too_large' | 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.unsupported_type`, `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.unsupported_type' | 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  uploadAvatar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description A JPEG, PNG, WebP, GIF or AVIF image; it becomes a 256 px square WebP.
           */
          avatar: string;
        };
      };
    };
    responses: {
      /** @description The new avatar. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description Public: no token needed.
             * @example /api/v1/avatars/0190f3a2-7c1e-7d4b-9a51-3f0c2e8b6d14.webp
             */
            avatarUrl: string;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.too_large`, `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.too_large' | 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.unsupported_type`, `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.unsupported_type' | 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  downloadMedia: {
    parameters: {
      query?: {
        /** @description The access token, when no Authorization header can be sent (`<img src>`). */
        token?: string;
      };
      header?: {
        /** @description One byte range: 206 with that part (a malformed or multiple range: the whole object). */
        Range?: string;
        /** @description An ETag: the Range applies only while the object has it. */
        'If-Range'?: string;
        /** @description ETags the client holds: 304 when one is this object’s. */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole object. */
      200: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Its size. */
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'image/*': string;
          'video/*': string;
          'audio/*': string;
          'application/*': string;
        };
      };
      /** @description The range asked for. */
      206: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Which bytes of how many: `bytes 0-1023/48211`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'image/*': string;
          'video/*': string;
          'audio/*': string;
          'application/*': string;
        };
      };
      /** @description Not modified: If-None-Match names its ETag. */
      304: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.range_not_satisfiable` */
      416: {
        headers: {
          /** @description `bytes *\/<size>`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.range_not_satisfiable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  downloadMediaThumbnail: {
    parameters: {
      query?: {
        /** @description The access token, when no Authorization header can be sent (`<img src>`). */
        token?: string;
      };
      header?: {
        /** @description One byte range: 206 with that part (a malformed or multiple range: the whole object). */
        Range?: string;
        /** @description An ETag: the Range applies only while the object has it. */
        'If-Range'?: string;
        /** @description ETags the client holds: 304 when one is this object’s. */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole object. */
      200: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Its size. */
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'image/webp': string;
        };
      };
      /** @description The range asked for. */
      206: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Which bytes of how many: `bytes 0-1023/48211`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'image/webp': string;
        };
      };
      /** @description Not modified: If-None-Match names its ETag. */
      304: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.range_not_satisfiable` */
      416: {
        headers: {
          /** @description `bytes *\/<size>`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.range_not_satisfiable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  downloadAvatar: {
    parameters: {
      query?: never;
      header?: {
        /** @description One byte range: 206 with that part (a malformed or multiple range: the whole object). */
        Range?: string;
        /** @description An ETag: the Range applies only while the object has it. */
        'If-Range'?: string;
        /** @description ETags the client holds: 304 when one is this object’s. */
        'If-None-Match'?: string;
      };
      path: {
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole object. */
      200: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Its size. */
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'image/webp': string;
        };
      };
      /** @description The range asked for. */
      206: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          /** @description Which bytes of how many: `bytes 0-1023/48211`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'image/webp': string;
        };
      };
      /** @description Not modified: If-None-Match names its ETag. */
      304: {
        headers: {
          /** @description Fixed per object: stored objects never change. */
          ETag?: string;
          /** @description Immutable: `private` for media, `public` for avatars. */
          'Cache-Control'?: string;
          /** @description `bytes`. */
          'Accept-Ranges'?: string;
          /** @description `inline`, or `attachment` with the file name for documents. */
          'Content-Disposition'?: string;
          /** @description When it was uploaded (media and thumbnails). */
          'Last-Modified'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.range_not_satisfiable` */
      416: {
        headers: {
          /** @description `bytes *\/<size>`. */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.range_not_satisfiable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  describeMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Media. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            media: components['schemas']['Media'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `media.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'media.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listGroups: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `nextCursor` of the page before; omit for the first page. */
        cursor?: string;
        /** @description Only groups whose name or description contains this. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Groups you are in. */
            joined: components['schemas']['Conversation'][];
            /** @description Public groups you are not in. */
            discover: components['schemas']['GroupSummary'][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Opaque.
             * @example eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  createGroup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          icon?: string | null;
          iconBg?: string | null;
          about?: string | null;
          /**
           * @default private
           * @enum {string}
           */
          visibility?: 'public' | 'private';
          /**
           * @default joined
           * @enum {string}
           */
          historyVisibility?: 'joined' | 'shared';
          /**
           * @description Who may mention everyone (`mentions.all`): owners and admins, or any member.
           * @default admins
           * @enum {string}
           */
          mentionAll?: 'admins' | 'members';
          /**
           * @description Who may pin and unpin messages: owners and admins, or any member.
           * @default admins
           * @enum {string}
           */
          pinPermission?: 'admins' | 'members';
          /**
           * @description Who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose members react and read), or every member (up to GROUP_MAX_MEMBERS).
           * @default members
           * @enum {string}
           */
          postPermission?: 'admins' | 'members';
          /** @default [] */
          memberIds?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            group: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.add_forbidden`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.add_forbidden' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.full` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.full';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Your view of the group (a Conversation) when you are a member, else its public summary. */
            group: components['schemas']['Conversation'] | components['schemas']['GroupSummary'];
            members: components['schemas']['Member'][];
            /** @example 12 */
            memberCount: number;
            /** @description More members than `members` lists: the `cursor` for GET /groups/:id/members; null when that is all of them. */
            membersNextCursor: string | null;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updateGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          icon?: string | null;
          iconBg?: string | null;
          about?: string | null;
          /** @enum {string} */
          visibility?: 'public' | 'private';
          /** @enum {string} */
          historyVisibility?: 'joined' | 'shared';
          /**
           * @description Who may mention everyone (`mentions.all`): owners and admins, or any member.
           * @enum {string}
           */
          mentionAll?: 'admins' | 'members';
          /**
           * @description Who may pin and unpin messages: owners and admins, or any member.
           * @enum {string}
           */
          pinPermission?: 'admins' | 'members';
          /**
           * @description Who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose members react and read), or every member (up to GROUP_MAX_MEMBERS).
           * @enum {string}
           */
          postPermission?: 'admins' | 'members';
          /**
           * @description Days a message is kept before it is purged; null: the server's default (MESSAGE_RETENTION_DAYS). Longer or shorter than it.
           * @example 90
           */
          messageRetentionDays?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            group: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `group.not_admin` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'group.not_admin';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.full` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.full';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listGroupMembers: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `nextCursor` of the page before; omit for the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            members: components['schemas']['Member'][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Opaque.
             * @example eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  addGroupMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          userIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `group.add_forbidden`, `group.not_admin`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'group.add_forbidden' | 'group.not_admin' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.full` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.full';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  removeGroupMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `group.not_admin`, `group.owner_protected` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'group.not_admin' | 'group.owner_protected';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  changeGroupMemberRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          role: 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `group.not_admin`, `group.owner_protected` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'group.not_admin' | 'group.owner_protected';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  joinGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
            conversation: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.full` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.full';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  leaveGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  inviteToGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description Who to invite.
           */
          userId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitation: components['schemas']['Invitation'];
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitation: components['schemas']['Invitation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden`, `group.not_admin`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden' | 'group.not_admin' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.already_member` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.already_member';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listInvitations: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `nextCursor` of the page before; omit for the first page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitations: components['schemas']['Invitation'][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Opaque.
             * @example eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ
             */
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: components['schemas']['Conversation'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `invitation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'invitation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `group.full` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'group.full';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  declineInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `invitation.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'invitation.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getTurnCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TurnCredentials'];
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable`, `turn.not_configured` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable' | 'turn.not_configured';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getVapidPublicKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The VAPID application server key (uncompressed P-256 point, base64url). */
            publicKey: string;
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listPushDevices: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            devices: {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              platform: 'webpush' | 'fcm' | 'apns' | 'apns-voip';
              createdAt: string;
            }[];
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  registerPushDevice: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              /** @enum {string} */
              platform: 'webpush';
              /** @description A browser’s PushSubscription, as `subscription.toJSON()` gives it. */
              subscription: {
                /** @description The push service URL (PushSubscription.endpoint). */
                endpoint: string;
                keys: {
                  /** @description The subscription’s P-256 public key: 65 bytes, uncompressed, base64url. */
                  p256dh: string;
                  /** @description The subscription’s authentication secret: 16 bytes, base64url. */
                  auth: string;
                };
              };
            }
          | {
              /** @enum {string} */
              platform: 'fcm';
              /** @description The FCM registration token (`getToken()` in the Firebase SDK). */
              token: string;
            }
          | {
              /** @enum {string} */
              platform: 'apns';
              /** @description The APNs device token, in hex (the `deviceToken` bytes of `didRegisterForRemoteNotificationsWithDeviceToken`). */
              token: string;
            }
          | {
              /** @enum {string} */
              platform: 'apns-voip';
              /** @description A PushKit VoIP token, in hex (`PKPushCredentials.token`): it gets only call pushes, as VoIP pushes (docs/push.md, Calls). */
              token: string;
            };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            device: {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              platform: 'webpush' | 'fcm' | 'apns' | 'apns-voip';
              createdAt: string;
            };
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            device: {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              platform: 'webpush' | 'fcm' | 'apns' | 'apns-voip';
              createdAt: string;
            };
          };
        };
      };
      /** @description `push.endpoint_refused`, `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'push.endpoint_refused' | 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `push.platform_unavailable` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'push.platform_unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  removePushDevice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `push.device_not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'push.device_not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getPushSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PushSettings'];
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updatePushSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PushSettingsInput'];
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PushSettings'];
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  provisionUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          username?: string;
          email?: string;
          avatarUrl?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.email_taken`, `user.username_taken` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.email_taken' | 'user.username_taken';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  mintUserSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        externalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          deviceId?: string;
          deviceName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A JWT for the user: `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Works once, at POST /auth/refresh-token, for the next pair. */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.suspended` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.suspended';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  sendMessageAsUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text?: string;
          mediaIds?: string[];
          /** Format: uuid */
          replyToId?: string;
          clientMessageId?: string;
          encrypted?: boolean;
          mentions?: {
            /** @description Members to mention (at most 100). */
            userIds: string[];
            /**
             * @description Mention everyone in the group.
             * @default false
             */
            all?: boolean;
          };
          /**
           * Format: uuid
           * @description Reply in the thread of this top-level message of the same conversation (not itself a reply in a thread).
           */
          threadRootId?: string;
          /** @description Makes it a poll: no text, media or encryption with it. */
          poll?: {
            question: string;
            /** @description The options, 2 to 12, each up to 100 characters. */
            options: string[];
            /** @default false */
            multipleChoice?: boolean;
            /** @default false */
            anonymous?: boolean;
            /**
             * Format: date-time
             * @description When it closes by itself (in the future).
             */
            closesAt?: string;
          };
          /** @description The external id the sender was provisioned under. */
          senderExternalId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: components['schemas']['Message'];
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: components['schemas']['Message'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.mention_all_forbidden`, `message.post_forbidden`, `user.blocked` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.mention_all_forbidden' | 'message.post_forbidden' | 'user.blocked';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `conversation.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'conversation.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `thread.root_deleted` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'thread.root_deleted';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.media_invalid`, `message.mention_invalid`, `message.reply_invalid`, `poll.closes_at_invalid`, `thread.root_invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code:
                | 'message.media_invalid'
                | 'message.mention_invalid'
                | 'message.reply_invalid'
                | 'poll.closes_at_invalid'
                | 'thread.root_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            webhooks: components['schemas']['Webhook'][];
          };
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uri
           * @description Where events are POSTed: https on a public address, unless under `OUTBOUND_ALLOWED_URLS`.
           * @example https://myapp.example/parley/webhooks
           */
          url: string;
          /**
           * @description The event types to send; `["*"]` for all.
           * @example [
           *       "message:new"
           *     ]
           */
          events: (
            | '*'
            | 'message:new'
            | 'message:updated'
            | 'message:deleted'
            | 'message:status'
            | 'reaction:updated'
            | 'poll:updated'
            | 'message:pinned'
            | 'message:unpinned'
            | 'message:starred'
            | 'thread:read'
            | 'message:unstarred'
            | 'conversation:created'
            | 'conversation:updated'
            | 'group:member-joined'
            | 'group:member-left'
            | 'group:member-updated'
            | 'invitation:new'
            | 'keys:identity-changed'
            | 'call:incoming'
            | 'call:answered'
            | 'call:ended'
            | 'privacy:updated'
          )[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            webhook: components['schemas']['Webhook'];
            /** @description The signing secret (`whsec_` + base64), shown only this once: verify each delivery’s `webhook-signature` with it. */
            secret: string;
          };
        };
      };
      /** @description `request.bad`, `request.malformed_json`, `validation.failed`, `webhook.url_refused` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.malformed_json' | 'validation.failed' | 'webhook.url_refused';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `webhook.limit_reached` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'webhook.limit_reached';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            webhook: components['schemas']['Webhook'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `webhook.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'webhook.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `webhook.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'webhook.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  updateWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description `true` turns a disabled webhook back on: it resumes at the first event it had not delivered. `false` turns it off. */
          enabled: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            webhook: components['schemas']['Webhook'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.server_key_invalid` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.server_key_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `webhook.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'webhook.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  createReport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description A message you can see.
           */
          messageId?: string;
          /**
           * Format: uuid
           * @description A user; with `messageId`, it must be its sender.
           */
          userId?: string;
          /** @enum {string} */
          reason: 'spam' | 'abuse' | 'illegal' | 'other';
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            report: components['schemas']['Report'];
          };
        };
      };
      /** @description `report.target_required`, `request.bad`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'report.target_required' | 'request.bad' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `rate_limited` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'rate_limited';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listReports: {
    parameters: {
      query?: {
        status?: 'open' | 'resolved';
        limit?: number;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reports: components['schemas']['Report'][];
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  resolveReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'dismiss' | 'delete_message' | 'suspend_user';
          /** @description Kept with the report; with `suspend_user`, the suspension’s reason. */
          note?: string;
          /**
           * Format: date-time
           * @description `suspend_user` only: when the suspension ends (default: until lifted).
           * @example 2026-12-31T00:00:00Z
           */
          until?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            report: components['schemas']['Report'];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `report.not_found`, `route.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'report.not_found' | 'route.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `report.already_resolved` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'report.already_resolved';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `report.action_invalid` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'report.action_invalid';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  deleteMessageAsAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `message.not_found`, `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'message.not_found' | 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getUserAsAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
            /** @enum {string} */
            role: 'user' | 'admin';
            /** @description Null when not suspended (or a timed suspension has ended). */
            suspension: components['schemas']['Suspension'] | null;
            sessions: {
              /** Format: uuid */
              id: string;
              deviceId: string;
              deviceName: string | null;
              /** @description ISO 8601. */
              createdAt: string;
              /** @description ISO 8601. */
              lastUsedAt: string;
            }[];
            /** @description The newest 20 entries by, about or for this user. */
            auditEntries: components['schemas']['AuditEntry'][];
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  suspendUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description ISO 8601; the suspension ends by itself then.
           * @example 2026-12-31T00:00:00Z
           */
          until?: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `forbidden` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'forbidden';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  unsuspendUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description `request.bad`, `request.bad_url`, `request.malformed_json`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'request.bad_url' | 'request.malformed_json' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found`, `user.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found' | 'user.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.timeout` */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.timeout';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.too_large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.url_too_long` */
      414: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.url_too_long';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.unsupported_media_type` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.unsupported_media_type';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  getAdminStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: {
              /** @description Accounts, deleted ones left out. */
              total: number;
              admins: number;
              suspended: number;
              deleted: number;
            };
            /** @description The last 7 UTC days, oldest first, today last (system messages left out). */
            messagesPerDay: {
              /** @example 2026-12-01 */
              day: string;
              count: number;
            }[];
            sockets: {
              connected: number;
              /**
               * @description 'cluster': every node (through Redis); 'node': this node only.
               * @enum {string}
               */
              scope: 'cluster' | 'node';
            };
            storage: {
              mediaCount: number;
              /** @description Stored media and thumbnails, in bytes. */
              bytes: number;
            };
          };
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  listAuditLog: {
    parameters: {
      query?: {
        actorId?: string;
        targetId?: string;
        action?:
          | 'auth.signed_in'
          | 'auth.sign_in_failed'
          | 'session.revoked'
          | 'password.reset'
          | 'password.changed'
          | 'user.role_changed'
          | 'user.suspended'
          | 'user.unsuspended'
          | 'report.resolved'
          | 'message.deleted'
          | 'server_key.created'
          | 'server_key.revoked'
          | 'account.deleted'
          | 'backup.downloaded';
        limit?: number;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: components['schemas']['AuditEntry'][];
            nextCursor: string | null;
            hasMore: boolean;
          };
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  exportAuditLog: {
    parameters: {
      query?: {
        actorId?: string;
        targetId?: string;
        action?:
          | 'auth.signed_in'
          | 'auth.sign_in_failed'
          | 'session.revoked'
          | 'password.reset'
          | 'password.changed'
          | 'user.role_changed'
          | 'user.suspended'
          | 'user.unsuspended'
          | 'report.resolved'
          | 'message.deleted'
          | 'server_key.created'
          | 'server_key.revoked'
          | 'account.deleted'
          | 'backup.downloaded';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One AuditEntry per line. */
      200: {
        headers: {
          /** @description `attachment; filename="parley-audit-<date>.ndjson"`. */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': string;
        };
      };
      /** @description `request.bad`, `validation.failed` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.bad' | 'validation.failed';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
  downloadBackup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The backup. */
      200: {
        headers: {
          /** @description `attachment; filename="parley-backup-<time>.zip"`. */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description `auth.session_revoked`, `auth.token_expired`, `auth.token_invalid`, `auth.unauthorized` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'auth.session_revoked' | 'auth.token_expired' | 'auth.token_invalid' | 'auth.unauthorized';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `route.not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'route.not_found';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `backup.use_pg_dump` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'backup.use_pg_dump';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `request.header_too_large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'request.header_too_large';
            } & {
              [key: string]: unknown;
            });
        };
      };
      /** @description `service.unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'] &
            ({
              /** @enum {string} */
              code: 'service.unavailable';
            } & {
              [key: string]: unknown;
            });
        };
      };
    };
  };
}
