import type { Socket } from 'socket.io';
import { fail } from '../lib/errors.js';

/**
 * At most `max` sockets per user on this node (MAX_SOCKETS_PER_USER). A socket counts from its
 * handshake, not from its connection, so a burst of handshakes cannot slip past the cap together;
 * it stops counting when it disconnects or its transport closes (whichever comes first).
 */
export class SocketCap {
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly max: number) {}

  /** Counts the socket for the user, or throws socket.too_many when they already hold `max`. */
  admit(socket: Pick<Socket, 'id' | 'on' | 'conn'>, userId: string): void {
    let held = this.byUser.get(userId);
    if (!held) this.byUser.set(userId, (held = new Set()));
    if (held.size >= this.max) throw fail('socket.too_many', `at most ${this.max} connections per user: close another one first`);
    held.add(socket.id);
    const release = () => {
      held.delete(socket.id);
      if (held.size === 0 && this.byUser.get(userId) === held) this.byUser.delete(userId);
    };
    // Plain listeners, not once(): release may run twice, and once() costs each socket two wrappers.
    socket.on('disconnect', release);
    socket.conn.on('close', release);
    // The client hung up while its handshake was being checked: no 'close' is coming, and it never connects.
    if (socket.conn.readyState === 'closed') release();
  }
}
