import type { User } from '@parley/protocol';
import { unwrap, type RestClient } from './rest.js';

/**
 * Email verification and passwords (docs/accounts.md). The links Parley mails carry a `token`
 * (`/#/verify-email?token=…`, `/#/reset-password?token=…`) that `verifyEmail` and
 * `resetPassword` take; those two and `forgotPassword` need no session.
 */
export class Account {
  constructor(private readonly rest: RestClient) {}

  /** Mails the signed-in user a link that verifies their email (nothing when it already is). */
  async requestEmailVerification(): Promise<void> {
    unwrap(await this.rest.POST('/auth/email/verification'));
  }

  /** Spends the token of a verification link; returns the own profile, `emailVerified: true`. */
  async verifyEmail(token: string): Promise<User> {
    return unwrap(await this.rest.POST('/auth/email/verify', { body: { token } })).user;
  }

  /** Mails a reset link to the account with this email, if any (the server answers the same either way). */
  async forgotPassword(email: string): Promise<void> {
    unwrap(await this.rest.POST('/auth/password/forgot', { body: { email } }));
  }

  /** Sets a new password with the token of a reset link: every session of the account ends (this client's too, if signed in to it). */
  async resetPassword(token: string, password: string): Promise<void> {
    unwrap(await this.rest.POST('/auth/password/reset', { body: { token, password } }));
  }

  /** Changes the signed-in user's password: every other session ends, this one goes on. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    unwrap(await this.rest.POST('/auth/password/change', { body: { currentPassword, newPassword } }));
  }
}
