import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Db } from '../../db/connect.js';
import type { PushDevice } from './devices.js';
import type { PushJob } from './lanes.js';
import { topicOf } from './payload.js';

/** A `call:incoming` from the event log, as the push worker needs it. */
export interface IncomingCall {
  eventId: number;
  createdAt: number;
  call: { id: string; conversationId: string; callerId: string; calleeId: string; media: 'audio' | 'video'; ringUntil: string };
}

/** What the database says about a batch's calls: which still ring, the callers' names, the callees' preview setting. */
export interface CallFacts {
  ringing: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  previews: ReadonlyMap<string, 'full' | 'name' | 'none'>;
}

export async function readCallFacts(db: Db, calls: readonly IncomingCall[]): Promise<CallFacts> {
  const userIds = [...new Set(calls.flatMap((c) => [c.call.callerId, c.call.calleeId]))];
  const [ringing, people] = await Promise.all([
    rows<{ id: string }>(db, sql`select id from calls where id = any(${uuidArray(calls.map((c) => c.call.id))}) and status = 'ringing'`),
    rows<{ id: string; name: string; push_previews: 'full' | 'name' | 'none' }>(
      db,
      sql`select id, name, push_previews from users where id = any(${uuidArray(userIds)})`,
    ),
  ]);
  return {
    ringing: new Set(ringing.map((r) => r.id)),
    names: new Map(people.map((p) => [p.id, p.name])),
    previews: new Map(people.map((p) => [p.id, p.push_previews])),
  };
}

/**
 * A push per device of each callee for a call still ringing (answered, hung up or timed out: none; APNs: to the
 * PushKit token, or to the ordinary one where there is none),
 * high urgency, living only until the ring ends. The caller learns nothing of it.
 */
export function callJobs(calls: readonly IncomingCall[], devices: readonly PushDevice[], facts: CallFacts, nowMs = Date.now()): PushJob[] {
  const jobs: PushJob[] = [];
  // An iPhone with a PushKit token rings through it: its ordinary APNs token would show the same call again as an alert.
  const voipUsers = new Set(devices.filter((d) => d.platform === 'apns-voip').map((d) => d.userId));
  for (const { eventId, createdAt, call } of calls) {
    const ttlSeconds = Math.floor((Date.parse(call.ringUntil) - nowMs) / 1000);
    if (!facts.ringing.has(call.id) || ttlSeconds <= 0) continue;
    const title = facts.previews.get(call.calleeId) === 'none' ? 'Incoming call' : (facts.names.get(call.callerId) ?? 'Someone');
    for (const device of devices) {
      if (device.userId !== call.calleeId || device.lastEventId >= eventId) continue;
      if (device.platform === 'apns' && voipUsers.has(device.userId)) continue;
      jobs.push({
        device,
        eventId,
        conversationId: call.id,
        payload: {
          type: 'call',
          callId: call.id,
          conversationId: call.conversationId,
          callerId: call.callerId,
          media: call.media,
          ringUntil: call.ringUntil,
          eventId,
          title,
        },
        urgency: 'high',
        topic: topicOf(call.id),
        ttlSeconds,
        committedAt: createdAt,
      });
    }
  }
  return jobs;
}
