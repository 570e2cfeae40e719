import { useLayoutEffect, useRef } from 'react';
import type { Row } from './rows';

const NEAR_PX = 80;

/** Keeps the list scrolled to the newest message while the reader is there (and after an own send), not while they read older ones. */
export function useStickToBottom(rows: readonly Row[]) {
  const ref = useRef<HTMLUListElement>(null);
  const atBottom = useRef(true);
  const last = rows.at(-1);

  useLayoutEffect(() => {
    const list = ref.current;
    if (list && (atBottom.current || last?.mine)) list.scrollTop = list.scrollHeight;
  }, [rows.length, last?.key, last?.mine]);

  const onScroll = () => {
    const list = ref.current;
    if (list) atBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_PX;
  };
  return { ref, onScroll };
}
