/** Icons are decorative: each control that shows one carries its own text (often visually hidden). */
const svg = { 'aria-hidden': true, focusable: false, viewBox: '0 0 24 24', width: 20, height: 20 } as const;

export const SendIcon = () => (
  <svg {...svg}>
    <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z" />
  </svg>
);

export const NewChatIcon = () => (
  <svg {...svg}>
    <path fill="currentColor" d="M19 3H5a2 2 0 0 0-2 2v16l4-4h12a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Zm-2 8h-4v4h-2v-4H7V9h4V5h2v4h4Z" />
  </svg>
);

export const SignOutIcon = () => (
  <svg {...svg}>
    <path fill="currentColor" d="M10 17v-3H3v-4h7V7l5 5-5 5Zm3-14h6a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-6v-2h6V5h-6Z" />
  </svg>
);

export const BackIcon = () => (
  <svg {...svg}>
    <path fill="currentColor" d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z" />
  </svg>
);

export const ClockIcon = () => (
  <svg {...svg} viewBox="0 0 16 16" width={14} height={14}>
    <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M8 4.5V8l2.4 1.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

export const TickIcon = ({ double }: { double: boolean }) => (
  <svg {...svg} viewBox="0 0 18 12" width={18} height={12}>
    <path d="M1 6.5 4.5 10 11.5 2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    {double && (
      <path d="M8 9.2 8.8 10 15.8 2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    )}
  </svg>
);

export const SearchIcon = () => (
  <svg {...svg}>
    <path
      fill="currentColor"
      d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 9.5 16a6.5 6.5 0 0 0 4.2-1.6l.3.3v.8l5 5 1.5-1.5-5-5Zm-6 0A4.5 4.5 0 1 1 14 9.5 4.5 4.5 0 0 1 9.5 14Z"
    />
  </svg>
);

export const AttachIcon = () => (
  <svg {...svg}>
    <path
      fill="currentColor"
      d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6Z"
    />
  </svg>
);

export const FlagIcon = () => (
  <svg {...svg}>
    <path fill="currentColor" d="M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7Z" />
  </svg>
);
