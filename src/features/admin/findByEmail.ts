import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';

/** The live account with this email (any case), for the CLI; else user.not_found. */
export async function findByEmail(ex: Executor, email: string): Promise<{ id: string; role: 'user' | 'admin' }> {
  const [user] = await ex
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), isNull(users.deletedAt)));
  if (!user) throw fail('user.not_found', `no account has the email ${email}`);
  return user;
}
