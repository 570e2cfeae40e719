import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useClient } from '../hooks/useClient';
import type { CallStart } from './callState';
import { CallController, initialView, type CallView } from './controller';

const connectionText: Record<RTCPeerConnectionState, string> = {
  new: 'Connecting…',
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Reconnecting…',
  failed: 'Connection failed',
  closed: 'Ended',
};

/** A controller per mount (StrictMode's replay closes the first); the caller's side places the call a task later. */
function useCall(start: CallStart): [CallView, CallController | undefined] {
  const client = useClient();
  const [view, setView] = useState(() => initialView(start));
  const [controller, setController] = useState<CallController>();
  useEffect(() => {
    const c = new CallController(client, start, setView);
    setController(c);
    const timer = start.kind === 'outgoing' ? window.setTimeout(() => void c.place(), 0) : undefined;
    return () => {
      window.clearTimeout(timer);
      c.close();
    };
  }, [client, start]);
  return [view, controller];
}

/**
 * The call dialogs (lazy: loaded on the first call). Caller: "Calling <name>" until answered; callee: "Incoming call
 * from <name>" with Answer and Decline; then both "Call with <name>": connection state, timer, Mute, Hang up.
 */
export default function CallScreen({ start }: { start: CallStart }) {
  const [view, controller] = useCall(start);
  const name = start.peerName;
  const media = start.kind === 'outgoing' ? start.media : start.call.media;

  if (view.phase === 'incoming') {
    return (
      <CallDialog title={`Incoming call from ${name}`} connection="new">
        <p className="call-line">{media === 'video' ? 'Video call' : 'Voice call'}</p>
        <div className="call-actions">
          <button type="button" className="call-button answer" onClick={() => void controller?.answer()}>
            Answer
          </button>
          <button type="button" className="call-button hangup" onClick={() => controller?.hangUp('Call declined')}>
            Decline
          </button>
        </div>
      </CallDialog>
    );
  }

  const calling = view.phase === 'calling';
  return (
    <CallDialog title={calling ? `Calling ${name}` : `Call with ${name}`} connection={view.connection}>
      <p className="call-line">
        {calling ? 'Ringing…' : connectionText[view.connection]}
        {view.since !== undefined && (
          <>
            {' · '}
            <Timer since={view.since} />
          </>
        )}
      </p>
      <Media media={media} local={view.local} remote={view.remote} name={name} />
      <div className="call-actions">
        {!calling && (
          <button type="button" className="call-button" onClick={() => controller?.toggleMute()}>
            {view.muted ? 'Unmute' : 'Mute'}
          </button>
        )}
        <button
          type="button"
          className="call-button hangup"
          onClick={() => controller?.hangUp(calling ? 'Call cancelled' : `Call with ${name} ended`)}
        >
          Hang up
        </button>
      </div>
    </CallDialog>
  );
}

/** A modal dialog named by its heading; Escape does not close it (a call ends with Hang up or Decline). */
function CallDialog({ title, connection, children }: { title: string; connection: RTCPeerConnectionState; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="panel-dialog call-dialog"
      aria-labelledby={titleId}
      data-connection={connection}
      onCancel={(e) => e.preventDefault()}
    >
      <header className="panel-dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="panel-dialog-body">{children}</div>
    </dialog>
  );
}

function Timer({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <time className="call-timer" dateTime={`PT${seconds}S`}>
      {text}
    </time>
  );
}

/** The other side's sound (and picture), and your own picture muted; audio-only calls show nothing. */
function Media(props: { media: 'audio' | 'video'; local?: MediaStream; remote?: MediaStream; name: string }) {
  const { media, local, remote, name } = props;
  const bind = (stream?: MediaStream) => (el: HTMLMediaElement | null) => {
    if (el && stream && el.srcObject !== stream) el.srcObject = stream;
  };
  if (media === 'audio') return <audio ref={bind(remote)} autoPlay hidden />;
  return (
    <div className="call-videos">
      <video ref={bind(remote)} autoPlay playsInline className="call-remote" aria-label={`${name}'s camera`} />
      <video ref={bind(local)} autoPlay playsInline muted className="call-local" aria-label="Your camera" />
    </div>
  );
}
