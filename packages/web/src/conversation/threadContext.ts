import { createContext, useContext } from 'react';

/** Opens the panel "Thread" of a top-level message of the open conversation (a bubble's "Reply in thread" or "N replies"). */
export const ThreadContext = createContext<(rootId: string) => void>(() => {});

export const useOpenThread = () => useContext(ThreadContext);

/** "1 reply", "3 replies". */
export const repliesLabel = (n: number) => (n === 1 ? '1 reply' : `${n} replies`);
