import { lazy, Suspense, useEffect } from 'react';
import { useClient } from '../hooks/useClient';
import { callStore, useCallState } from './callState';
import { endedText } from './callText';
import './calls.css';

// WebRTC and the call dialogs load on the first call (or ring), not with the app.
const loadScreen = () => import('./CallScreen');
const CallScreen = lazy(loadScreen);

/**
 * Always mounted while signed in: rings on `call:incoming`, ends the screen on `call:ended` (the device that
 * ended it hears no event: the screen says so itself), and keeps the role=status line of how the last call ended.
 */
export function CallLayer() {
  const client = useClient();
  const { start, status } = useCallState();

  useEffect(() => {
    const offIncoming = client.on('call:incoming', ({ call, sdp }) => {
      const peerName = client.store.conversation(call.conversationId)?.otherUser?.name ?? 'someone';
      callStore.start({ kind: 'incoming', call, sdp, peerName });
    });
    const offEnded = client.on('call:ended', ({ call, reason }) => {
      const { start: current, callId } = callStore.get();
      if (current && callId === call.id) callStore.end(endedText(reason, current));
    });
    return () => {
      offIncoming();
      offEnded();
      callStore.end('');
    };
  }, [client]);

  // The status line goes after a while; a new call clears it at once.
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => callStore.clearStatus(), 15_000);
    return () => window.clearTimeout(timer);
  }, [status]);

  return (
    <>
      {start && (
        <Suspense fallback={null}>
          <CallScreen start={start} />
        </Suspense>
      )}
      <p role="status" className="call-status">
        {status}
      </p>
    </>
  );
}
