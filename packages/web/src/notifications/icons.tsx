/** Decorative, like common/icons.tsx: the control or text beside each says what it means. */
const svg = { 'aria-hidden': true, focusable: false, viewBox: '0 0 24 24', width: 20, height: 20 } as const;

export const BellIcon = () => (
  <svg {...svg}>
    <path
      fill="currentColor"
      d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11c0-3.1-1.6-5.6-4.5-6.3V4a1.5 1.5 0 0 0-3 0v.7C7.6 5.4 6 7.9 6 11v5l-2 2v1h16v-1Z"
    />
  </svg>
);

export const MutedIcon = () => (
  <svg {...svg} width={16} height={16}>
    <path
      fill="currentColor"
      d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6.8V11c0-3.1-1.6-5.6-4.5-6.3V4a1.5 1.5 0 0 0-3 0v.7c-.6.1-1.1.4-1.6.7L18 15.2ZM4.3 3 3 4.3l3.3 3.3C6.1 8.7 6 9.8 6 11v5l-2 2v1h13.7l2 2 1.3-1.3Z"
    />
  </svg>
);
