import type { Call, ClientPayload, ServerPayload } from '@parley/protocol';
import { request, type ClientSocket } from './connection.js';
import { ParleyError } from './errors.js';
import type { StreamEvent } from './stream.js';

export type { Call };
export type IceCandidate = ClientPayload<'call:ice'>['candidate'];

/** What `client.on('call:…')` hears. The SDK carries signalling only: the app runs WebRTC (RTCPeerConnection) itself. */
export interface CallEvents {
  /** A call rings on this device (live, or replayed by sync while it still rings): show it, `answer` or `hangup`. */
  'call:incoming'(payload: ServerPayload<'call:incoming'>): void;
  /** The callee answered a call this device started: `setRemoteDescription({type: 'answer', sdp})`, then send ICE. */
  'call:answered'(payload: ServerPayload<'call:answered'>): void;
  /** A call ended (see `reason`), or stopped ringing here because another of your devices answered it (`answered_elsewhere`). */
  'call:ended'(payload: ServerPayload<'call:ended'>): void;
  /** An ICE candidate from the other device of an answered call: `addIceCandidate(candidate)`. */
  'call:ice'(payload: ServerPayload<'call:ice'>): void;
}

interface CallsOptions {
  socket(): ClientSocket | undefined;
  ackTimeoutMs: number;
  emit<K extends keyof CallEvents>(name: K, ...args: Parameters<CallEvents[K]>): void;
  turnCredentials(): Promise<{ username: string; credential: string; ttl: number; uris: string[] }>;
}

/**
 * Call signalling over the socket (`client.calls`): live only, so each request needs the connection
 * (`client.offline` without it: a call cannot wait in an outbox). Only calls started on this device
 * hear `call:answered`, only devices that did not answer hear `answered_elsewhere`; a ring replayed after it ended does not ring.
 */
export class Calls {
  private readonly mine = new Set<string>();
  constructor(private readonly o: CallsOptions) {}

  /** Calls someone you share a direct chat with; resolves with the ringing call (`call.busy`, `call.not_allowed`, `user.blocked`). */
  async invite(userId: string, offer: { sdp: string; media?: 'audio' | 'video' }): Promise<Call> {
    const { call } = await request(this.online(), 'call:invite', { userId, ...offer }, this.o.ackTimeoutMs);
    this.mine.add(call.id);
    return call;
  }

  /** Answers a call ringing here with your SDP answer; the first device to answer wins (`call.not_ringing` after). */
  async answer(callId: string, sdp: string): Promise<Call> {
    // Before the request: the answered_elsewhere that this answer causes can arrive before its ack.
    this.mine.add(callId);
    try {
      return (await request(this.online(), 'call:answer', { callId, sdp }, this.o.ackTimeoutMs)).call;
    } catch (err) {
      this.mine.delete(callId);
      throw err;
    }
  }

  /** Sends an ICE candidate to the other device (once answered: `call.not_active` before; buffer them until then). */
  async ice(callId: string, candidate: IceCandidate): Promise<void> {
    await request(this.online(), 'call:ice', { callId, candidate }, this.o.ackTimeoutMs);
  }

  /** Cancels, declines or ends a call. */
  async hangup(callId: string): Promise<Call> {
    const { call } = await request(this.online(), 'call:hangup', { callId }, this.o.ackTimeoutMs);
    this.mine.delete(call.id);
    return call;
  }

  /** TURN credentials for RTCPeerConnection's iceServers: `[{ urls: uris, username, credential }]` (REST). */
  turnCredentials() {
    return this.o.turnCredentials();
  }

  /** A stored call event from the stream (live or synced). */
  applied(event: StreamEvent): void {
    switch (event.type) {
      case 'call:incoming':
        if (event.payload.call.status === 'ringing' && Date.parse(event.payload.call.ringUntil) > Date.now()) {
          this.o.emit('call:incoming', event.payload);
        }
        return;
      case 'call:answered':
        if (this.mine.has(event.payload.call.id)) this.o.emit('call:answered', event.payload);
        return;
      case 'call:ended':
        // This device answered it: the "answered elsewhere" the others hear is not for it.
        if (event.payload.reason === 'answered_elsewhere') {
          if (!this.mine.has(event.payload.call.id)) this.o.emit('call:ended', event.payload);
          return;
        }
        this.mine.delete(event.payload.call.id);
        return this.o.emit('call:ended', event.payload);
    }
  }

  /** `call:ice`, live only. */
  relayed(payload: ServerPayload<'call:ice'>): void {
    this.o.emit('call:ice', payload);
  }

  private online(): ClientSocket {
    const socket = this.o.socket();
    if (!socket) throw new ParleyError({ code: 'client.offline', detail: 'calls need the connection: connect() first' });
    return socket;
  }
}
