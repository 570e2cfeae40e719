export { createParleyClient, ParleyClient } from './client.js';
export type { ClientEvents, ClientStatus, ConversationSettingsPatch, ParleyClientOptions, PendingSend } from './client.js';
export type { ConnectionStatus } from './connection.js';
export { isRetryable, ParleyError } from './errors.js';
export type { OutboxEntry, SendInput } from './outbox.js';
export { Account } from './account.js';
export { Calls } from './calls.js';
export type { Call, CallEvents, IceCandidate } from './calls.js';
export { PushDevices } from './push.js';
export type { PushDevice, PushRegistrationLike, PushSettings, PushSubscriptionLike } from './push.js';
export { createRestClient, unwrap } from './rest.js';
export type { RestAuth, RestClient } from './rest.js';
export type { AuthResult } from './session.js';
export { indexedDbStorage } from './storage/indexedDb.js';
export { memoryStorage } from './storage/memory.js';
export type { ClientStorage } from './storage/types.js';
export { asyncStorage, webStorage } from './storage/webStorage.js';
export type { AsyncStorageLike, WebStorageLike } from './storage/webStorage.js';
export type { MessageWindow, Presence, ReadState, StoreChange } from './store.js';
export type { PinnedMark } from './marks.js';
export { Store } from './store.js';
export type { StreamEvent } from './stream.js';
export { uploadMedia } from './upload.js';
export type { UploadOptions, UploadTarget } from './upload.js';
export type {
  Conversation,
  GroupSummary,
  Invitation,
  LinkPreview,
  Media,
  Message,
  Pin,
  PrivacySettings,
  Star,
  User,
} from '@parley/protocol';
