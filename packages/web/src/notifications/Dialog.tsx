import { useEffect, useRef, type ReactNode } from 'react';
import './notifications.css';

/**
 * A modal `<dialog>` named by its heading, shown while mounted: the browser keeps focus inside it,
 * Escape closes it, and focus goes back to the control that opened it.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = `dialog-${title.toLowerCase().replace(/\W+/g, '-')}`;
  useEffect(() => {
    const dialog = ref.current;
    // No close() on cleanup: it fires `close`, whose onClose would unmount the dialog that StrictMode remounts.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="sheet" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId} className="sheet-title">
        {title}
      </h2>
      {children}
      <button type="button" className="sheet-close" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
