import type { IceCandidate, ParleyClient } from '@parley/client';

/** TURN from the server when it has coturn; without (503) host candidates still connect on one network. */
async function iceServers(client: ParleyClient): Promise<RTCIceServer[]> {
  try {
    const t = await client.calls.turnCredentials();
    return t.uris.length > 0 ? [{ urls: t.uris, username: t.username, credential: t.credential }] : [];
  } catch {
    return [];
  }
}

const toWire = (c: RTCIceCandidate): IceCandidate => ({
  candidate: c.candidate,
  sdpMid: c.sdpMid,
  sdpMLineIndex: c.sdpMLineIndex,
  usernameFragment: c.usernameFragment,
});

/**
 * One side of a call: the microphone (and camera), an RTCPeerConnection, and ICE both ways. Own candidates wait
 * until the call is answered (the server refuses them before: call.not_active); the other side's wait for its SDP.
 */
export class CallPeer {
  readonly pc: RTCPeerConnection;
  private callId: string | undefined;
  private readonly outgoing: IceCandidate[] = [];
  private readonly incoming: RTCIceCandidateInit[] = [];

  private constructor(
    private readonly client: ParleyClient,
    servers: RTCIceServer[],
    readonly local: MediaStream,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: servers });
    for (const track of local.getTracks()) this.pc.addTrack(track, local);
    this.pc.onicecandidate = (e) => {
      if (e.candidate?.candidate) this.send(toWire(e.candidate));
    };
  }

  static async open(client: ParleyClient, media: 'audio' | 'video'): Promise<CallPeer> {
    const [servers, local] = await Promise.all([
      iceServers(client),
      navigator.mediaDevices.getUserMedia({ audio: true, video: media === 'video' }),
    ]);
    return new CallPeer(client, servers, local);
  }

  async offer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.pc.localDescription!.sdp;
  }

  async answer(offerSdp: string): Promise<string> {
    await this.remote({ type: 'offer', sdp: offerSdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return this.pc.localDescription!.sdp;
  }

  async answered(answerSdp: string): Promise<void> {
    await this.remote({ type: 'answer', sdp: answerSdp });
  }

  /** The call is answered: candidates may flow. */
  active(callId: string): void {
    this.callId = callId;
    for (const c of this.outgoing.splice(0)) this.send(c);
  }

  async addRemoteIce(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.pc.remoteDescription) this.incoming.push(candidate);
    else await this.pc.addIceCandidate(candidate).catch(() => {});
  }

  setMuted(muted: boolean): void {
    for (const track of this.local.getAudioTracks()) track.enabled = !muted;
  }

  close(): void {
    this.pc.onicecandidate = null;
    this.pc.close();
    for (const track of this.local.getTracks()) track.stop();
  }

  private async remote(description: RTCSessionDescriptionInit): Promise<void> {
    await this.pc.setRemoteDescription(description);
    for (const c of this.incoming.splice(0)) await this.pc.addIceCandidate(c).catch(() => {});
  }

  private send(candidate: IceCandidate): void {
    if (!this.callId) this.outgoing.push(candidate);
    // A candidate lost to a blip is one of several: ICE goes on with the others.
    else void this.client.calls.ice(this.callId, candidate).catch(() => {});
  }
}
