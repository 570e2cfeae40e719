/**
 * Every error a client can see: a stable code and its HTTP status, in one table.
 * Commands throw `fail(code)`; the HTTP error handler and socket acks both map from here.
 */
export const errorStatus = {
  'validation.failed': 400,
  'request.malformed_json': 400,
  'request.bad': 400,
  'request.bad_url': 400,
  'request.timeout': 408,
  'request.url_too_long': 414,
  'request.header_too_large': 431,
  'auth.unauthorized': 401,
  'auth.token_invalid': 401,
  'auth.token_expired': 401,
  'auth.invalid_credentials': 401,
  'auth.refresh_invalid': 401,
  'auth.refresh_reused': 401,
  'auth.session_revoked': 401,
  forbidden: 403,
  'auth.reauth_required': 403,
  'auth.suspended': 403,
  'user.blocked': 403,
  'group.not_admin': 403,
  'group.owner_protected': 403,
  'message.not_sender': 403,
  'message.edit_window_passed': 403,
  'message.delete_window_passed': 403,
  'message.deleted': 409,
  'message.not_editable': 422,
  'message.not_forwardable': 422,
  'pin.limit_reached': 409,
  'route.not_found': 404,
  'user.not_found': 404,
  'conversation.not_found': 404,
  'message.not_found': 404,
  'session.not_found': 404,
  'report.not_found': 404,
  'report.already_resolved': 409,
  'report.target_required': 400,
  'report.action_invalid': 422,
  'user.email_taken': 409,
  'user.username_taken': 409,
  'user.phone_taken': 409,
  'auth.account_exists': 409,
  'backup.use_pg_dump': 409,
  'sync.cursor_expired': 410,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'conversation.self': 422,
  'user.block_self': 422,
  'group.full': 409,
  'group.already_member': 409,
  'invitation.not_found': 404,
  'group.not_found': 404,
  'message.reply_invalid': 422,
  'thread.root_invalid': 422,
  'thread.root_deleted': 409,
  'message.mention_invalid': 422,
  'message.mention_all_forbidden': 403,
  'message.post_forbidden': 403,
  'group.add_forbidden': 403,
  'message.media_invalid': 422,
  'poll.not_found': 404,
  'poll.closed': 409,
  'poll.option_invalid': 422,
  'poll.single_choice': 422,
  'poll.close_forbidden': 403,
  'poll.closes_at_invalid': 422,
  'media.not_found': 404,
  'media.too_large': 413,
  'media.quota_exceeded': 413,
  'media.too_many_uploads': 429,
  'media.unsupported_type': 415,
  'media.range_not_satisfiable': 416,
  'media.invalid': 422,
  'tus.not_found': 404,
  'tus.offset_mismatch': 409,
  'tus.version_unsupported': 412,
  'tus.length_exceeded': 400,
  'tus.locked': 423,
  'auth.google_invalid': 401,
  'auth.id_token_invalid': 401,
  'auth.unknown_issuer': 400,
  'auth.server_key_invalid': 401,
  'auth.link_invalid': 400,
  'auth.link_expired': 410,
  'auth.wrong_password': 403,
  'auth.no_email': 409,
  'otp.invalid': 401,
  'otp.expired': 401,
  'otp.locked': 403,
  'keys.not_found': 404,
  'keys.bad_signature': 422,
  'keys.too_many': 422,
  'push.endpoint_refused': 400,
  'push.device_not_found': 404,
  'push.platform_unavailable': 422,
  'webhook.not_found': 404,
  'call.not_found': 404,
  'call.not_allowed': 403,
  'call.busy': 409,
  'call.not_ringing': 409,
  'call.not_active': 409,
  'turn.not_configured': 503,
  'webhook.url_refused': 400,
  'webhook.limit_reached': 409,
  rate_limited: 429,
  'socket.too_many': 429,
  'auth.method_disabled': 503,
  'otp.send_failed': 503,
  internal: 500,
  'service.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly errors?: FieldError[],
  ) {
    super(message ?? defaultMessage(code));
    this.status = errorStatus[code];
  }
}

export const fail = (code: ErrorCode, message?: string, errors?: FieldError[]): AppError => new AppError(code, message, errors);

function defaultMessage(code: ErrorCode): string {
  const [, what = code] = code.split('.');
  return what.replace(/_/g, ' ');
}

/** RFC 9457 problem details body. */
export function problem(err: AppError, instance?: string) {
  return {
    type: `https://parley.dev/problems/${err.code}`,
    title: titleFor(err.status),
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(instance ? { instance } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
  };
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  412: 'Precondition Failed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const titleFor = (status: number) => titles[status] ?? 'Error';

/** Socket ack shape for an error. */
export const ackError = (err: AppError) => {
  // A rate-limited ack says when to retry, as the Retry-After header does over HTTP.
  const retryAfter = (err as { retryAfter?: number }).retryAfter;
  return { ok: false as const, error: { code: err.code, message: err.message, ...(retryAfter ? { retryAfter } : {}) } };
};
