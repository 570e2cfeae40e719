import { useLayoutEffect, useRef } from 'react';
import type { Row } from './rows';

const NEAR_PX = 80;
/** Within this many pixels of the top, scrolling asks for the older page (infinite scroll back). */
const TOP_PX = 120;

/**
 * Keeps the list scrolled to the newest message while the reader is there (and after an own send), not while they read older ones.
 * Reaching the top calls `onTop` (load older); the reader then stays at the message they were at while the page is put above.
 */
export function useStickToBottom(rows: readonly Row[], onTop?: () => void) {
  const ref = useRef<HTMLUListElement>(null);
  const atBottom = useRef(true);
  const fromBottom = useRef<number | undefined>(undefined);
  const last = rows.at(-1);
  const first = rows[0]?.key;

  useLayoutEffect(() => {
    const list = ref.current;
    if (list && (atBottom.current || last?.mine)) list.scrollTop = list.scrollHeight;
  }, [rows.length, last?.key, last?.mine]);

  useLayoutEffect(() => {
    const list = ref.current;
    if (list && fromBottom.current !== undefined) list.scrollTop = list.scrollHeight - fromBottom.current;
    fromBottom.current = undefined;
  }, [first]);

  const onScroll = () => {
    const list = ref.current;
    if (!list) return;
    atBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_PX;
    if (onTop && list.scrollTop < TOP_PX && list.scrollHeight > list.clientHeight) {
      fromBottom.current = list.scrollHeight - list.scrollTop;
      onTop();
    }
  };
  return { ref, onScroll };
}
