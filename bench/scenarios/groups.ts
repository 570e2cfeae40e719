import type { Api } from '../api.js';
import type { Bench, PairsFigures } from '../context.js';
import { pairsRun } from './pairs.js';

export interface GroupsSection {
  groups: number;
  members: number;
  /** Closed loop, every member sending with W=1; delivered = message:new received by members. */
  run?: PairsFigures;
  skipped?: string;
}

/**
 * G groups of M members (registered users, groups made through POST /groups), all online, every
 * member sending with one message in flight: the many-to-many load of a busy workplace. Each
 * message is delivered M−1 times, so delivered/s is M−1 times the messages written.
 */
export async function groupsScenario(bench: Bench, api: Api): Promise<GroupsSection> {
  const { groups, groupSize } = bench.opts;
  const users = await api.ensureUsers(groups * groupSize, bench.opts.registerParallel);
  const rooms = [];
  for (let g = 0; g < groups; g++) {
    const team = users.slice(g * groupSize, (g + 1) * groupSize);
    const made = await api.createGroup(team[0]!, team.slice(1));
    if ('skipped' in made) return { groups, members: groupSize, skipped: made.skipped };
    rooms.push({ conversationId: made.id, a: {}, b: {}, members: team.map((u) => ({ token: u.token })) });
  }
  const run = await pairsRun(bench, `${groups} groups of ${groupSize}`, 'parley', rooms, { window: 1 });
  return { groups, members: groupSize, run };
}
