import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal `<dialog>` with a heading as its name: shown on mount, so the browser keeps focus inside, closes it on
 * Escape and returns focus to what opened it; `onClose` runs however it closes.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const { title, onClose, children, className } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  // The close event comes a task later: one from React's development-mode effect replay finds it open again.
  const closed = () => {
    if (!ref.current?.open) onClose();
  };

  return (
    <dialog ref={ref} className={className ? `panel-dialog ${className}` : 'panel-dialog'} aria-labelledby={titleId} onClose={closed}>
      <header className="panel-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="text-button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="panel-dialog-body">{children}</div>
    </dialog>
  );
}
