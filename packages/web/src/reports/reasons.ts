/** The reasons a member may give (POST /reports `reason`), as the dialog and the admin's queue name them. */
export const REPORT_REASONS = [
  { value: 'spam', label: 'Spam' },
  { value: 'abuse', label: 'Abuse or harassment' },
  { value: 'illegal', label: 'Illegal content' },
  { value: 'other', label: 'Something else' },
] as const;

export type ReportReason = (typeof REPORT_REASONS)[number]['value'];

export const reasonLabel = (reason: ReportReason): string => REPORT_REASONS.find((r) => r.value === reason)?.label ?? reason;
