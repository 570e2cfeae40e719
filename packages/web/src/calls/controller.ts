import { ParleyError, type ParleyClient } from '@parley/client';
import { errorText } from '../common/errorText';
import { callStore, type CallStart } from './callState';
import { CallPeer } from './peer';

export type Phase = 'calling' | 'incoming' | 'active';

/** What the call dialog shows. */
export interface CallView {
  phase: Phase;
  connection: RTCPeerConnectionState;
  /** When the call was answered (the timer's start). */
  since?: number;
  muted: boolean;
  local?: MediaStream;
  remote?: MediaStream;
}

export const initialView = (start: CallStart): CallView => ({
  phase: start.kind === 'outgoing' ? 'calling' : 'incoming',
  connection: 'new',
  muted: false,
});

/** Why a call could not start or be answered, in words. */
function failureText(err: unknown, name: string): string {
  if (err instanceof DOMException) {
    if (err.name === 'NotAllowedError') return 'Calls need your microphone (and camera): allow them in the browser.';
    if (err.name === 'NotFoundError') return 'No microphone or camera found.';
    return 'The call could not start.';
  }
  if (err instanceof ParleyError) {
    if (err.code === 'call.busy') return `${name} is busy on another call`;
    if (err.code === 'call.not_allowed' || err.code === 'user.blocked') return `You cannot call ${name}`;
    if (err.code === 'call.not_ringing' || err.code === 'call.not_found') return 'The call has ended';
    if (err.code === 'client.offline') return 'Calls need the connection: you are offline.';
  }
  return errorText(err);
}

/**
 * One call on this device, from the dialog's mount to its unmount (`close`): the media, the peer connection and
 * the signalling. A StrictMode replay closes the first one, and whatever it started after stops.
 */
export class CallController {
  view: CallView;
  private peer: CallPeer | undefined;
  private callId: string | undefined;
  private closed = false;
  private readonly offs: (() => void)[];

  constructor(
    private readonly client: ParleyClient,
    private readonly start: CallStart,
    private readonly onChange: (view: CallView) => void,
  ) {
    this.view = initialView(start);
    this.callId = start.kind === 'incoming' ? start.call.id : undefined;
    this.offs = [
      client.on('call:answered', ({ call, sdp }) => {
        if (call.id === this.callId) void this.answeredThere(sdp);
      }),
      client.on('call:ice', ({ callId, candidate }) => {
        if (callId === this.callId) void this.peer?.addRemoteIce(candidate);
      }),
    ];
  }

  /** The caller's side: media, offer, invite. */
  async place(): Promise<void> {
    if (this.start.kind !== 'outgoing') return;
    try {
      const peer = await this.open();
      if (!peer) return;
      const call = await this.client.calls.invite(this.start.peerId, { sdp: await peer.offer(), media: this.start.media });
      this.callId = call.id;
      callStore.setCallId(call.id);
      // Hung up while the invite was on its way.
      if (this.closed) void this.client.calls.hangup(call.id).catch(() => {});
    } catch (err) {
      this.fail(err);
    }
  }

  /** The callee's "Answer": media, answer SDP, then candidates may flow. */
  async answer(): Promise<void> {
    if (this.start.kind !== 'incoming') return;
    const { call, sdp } = this.start;
    this.update({ phase: 'active' });
    try {
      const peer = await this.open();
      if (!peer) return;
      await this.client.calls.answer(call.id, await peer.answer(sdp));
      if (this.closed) return;
      peer.active(call.id);
      this.update({ since: Date.now() });
    } catch (err) {
      this.fail(err);
    }
  }

  /** Hang up, cancel or decline: this device hears no `call:ended` for its own, so it says how it ended. */
  hangUp(status: string): void {
    if (this.callId) void this.client.calls.hangup(this.callId).catch(() => {});
    callStore.end(status);
  }

  toggleMute(): void {
    this.peer?.setMuted(!this.view.muted);
    this.update({ muted: !this.view.muted });
  }

  close(): void {
    this.closed = true;
    this.peer?.close();
    for (const off of this.offs) off();
  }

  private async answeredThere(sdp: string): Promise<void> {
    const peer = this.peer;
    if (!peer || !this.callId) return;
    try {
      await peer.answered(sdp);
      peer.active(this.callId);
      this.update({ phase: 'active', since: Date.now() });
    } catch (err) {
      this.fail(err);
    }
  }

  private async open(): Promise<CallPeer | undefined> {
    const media = this.start.kind === 'outgoing' ? this.start.media : this.start.call.media;
    const peer = await CallPeer.open(this.client, media);
    if (this.closed) {
      peer.close();
      return undefined;
    }
    this.peer = peer;
    peer.pc.onconnectionstatechange = () => this.update({ connection: peer.pc.connectionState });
    peer.pc.ontrack = (e) => this.update({ remote: e.streams[0] ?? new MediaStream([e.track]) });
    this.update({ local: peer.local });
    return peer;
  }

  private update(patch: Partial<CallView>): void {
    if (this.closed) return;
    this.view = { ...this.view, ...patch };
    this.onChange(this.view);
  }

  private fail(err: unknown): void {
    if (this.closed) return;
    if (this.callId) void this.client.calls.hangup(this.callId).catch(() => {});
    callStore.end(failureText(err, this.start.peerName));
  }
}
