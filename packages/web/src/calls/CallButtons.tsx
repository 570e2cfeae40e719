import type { User } from '@parley/client';
import { useCallState, callStore } from './callState';
import { PhoneIcon, VideoIcon } from './icons';

/** "Voice call" and "Video call" in a direct chat's header (off while a call is on). */
export function CallButtons({ user }: { user: User }) {
  const busy = useCallState().start !== undefined;
  const call = (media: 'audio' | 'video') => callStore.start({ kind: 'outgoing', peerId: user.id, peerName: user.name, media });
  return (
    <>
      <button type="button" className="icon-button" onClick={() => call('audio')} disabled={busy} title="Voice call">
        <PhoneIcon />
        <span className="visually-hidden">Voice call</span>
      </button>
      <button type="button" className="icon-button" onClick={() => call('video')} disabled={busy} title="Video call">
        <VideoIcon />
        <span className="visually-hidden">Video call</span>
      </button>
    </>
  );
}
