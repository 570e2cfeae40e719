import { textOn } from './contrast';

/** A round avatar: initials (or a group's emoji) on a colour. Decorative: the name is always shown beside it. */
export function Avatar({ text, color, size = 'md' }: { text: string; color: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ backgroundColor: color, color: textOn(color) }} aria-hidden="true">
      {text}
    </span>
  );
}
