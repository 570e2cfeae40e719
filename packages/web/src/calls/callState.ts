import type { Call } from '@parley/client';
import { useSyncExternalStore } from 'react';

/** What the call screen was opened for: a call this device places, or one ringing here. */
export type CallStart =
  | { kind: 'outgoing'; peerId: string; peerName: string; media: 'audio' | 'video' }
  | { kind: 'incoming'; call: Call; sdp: string; peerName: string };

export interface CallState {
  start?: CallStart;
  /** The call's id once known (the invite's ack for an outgoing one): the layer matches `call:ended` against it. */
  callId?: string;
  /** How the last call ended, in words (the role=status line). */
  status: string;
}

// One call at a time per page: module state, small and outside React so the header and the layer share it.
let state: CallState = { status: '' };
const listeners = new Set<() => void>();
const set = (next: CallState) => {
  state = next;
  for (const l of listeners) l();
};

export const callStore = {
  get: (): CallState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Opens the call screen unless a call is already on (then false). */
  start(start: CallStart): boolean {
    if (state.start) return false;
    set({ start, callId: start.kind === 'incoming' ? start.call.id : undefined, status: '' });
    return true;
  },
  setCallId(callId: string): void {
    if (state.start) set({ ...state, callId });
  },
  /** Closes the call screen (its unmount stops the media and the connection) and says how it ended. */
  end(status: string): void {
    set({ status });
  },
  clearStatus(): void {
    if (!state.start) set({ status: '' });
  },
};

export const useCallState = (): CallState => useSyncExternalStore(callStore.subscribe, callStore.get);
