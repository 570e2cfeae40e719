/** Words for the admin screens: sizes, audit details, report resolutions. Pure, so they are tested on their own. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024, one decimal below 10, none above). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${UNITS[unit]}`;
}

/** An audit entry's details as "key: value" pairs: `{reason: 'spam', until: null}` → "reason: spam, until: none". */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(', ');
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}

const RESOLUTIONS: Record<string, string> = {
  dismiss: 'dismissed',
  delete_message: 'message deleted',
  suspend_user: 'user suspended',
};

/** A resolved report's line: "Resolved: user suspended (spam after warnings)". */
export function resolutionText(action: string | null, note: string | null): string {
  const what = action ? `Resolved: ${RESOLUTIONS[action] ?? action}` : 'Resolved';
  return note ? `${what} (${note})` : what;
}

/** A `datetime-local` value (local time, no zone) as the ISO instant the API takes; empty or invalid: undefined. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
