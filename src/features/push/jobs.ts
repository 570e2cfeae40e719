import type { BatchFacts, Notice } from './decide.js';
import type { PushDevice } from './devices.js';
import type { PushJob } from './lanes.js';
import { pushPayload, topicOf, urgencyOf } from './payload.js';

/** One job per device of each notice's user, oldest event first, skipping what a device was already sent. */
export function jobsFor(notices: readonly Notice[], devices: readonly PushDevice[], facts: BatchFacts): PushJob[] {
  const byUser = new Map<string, PushDevice[]>();
  for (const d of devices) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
  const jobs: PushJob[] = [];
  for (const n of notices) {
    const payload = pushPayload(n, facts);
    for (const device of byUser.get(n.userId) ?? []) {
      if (device.lastEventId >= n.message.eventId) continue;
      jobs.push({
        device,
        eventId: n.message.eventId,
        conversationId: n.message.conversationId,
        payload,
        urgency: urgencyOf(n, facts),
        topic: topicOf(n.message.conversationId),
        committedAt: n.message.createdAt,
      });
    }
  }
  return jobs.sort((a, b) => a.eventId - b.eventId);
}
