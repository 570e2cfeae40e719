import { MutedIcon } from './icons';
import './notifications.css';

/** The chat list's mark of a muted chat: an icon, and "Muted" for screen readers. */
export function MutedMark() {
  return (
    <span className="muted-icon" title="Muted">
      <MutedIcon />
      <span className="visually-hidden">Muted</span>
    </span>
  );
}
