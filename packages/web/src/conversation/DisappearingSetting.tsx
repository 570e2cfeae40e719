import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';

/** The timers offered (docs/api.md "Disappearing messages" allows 60..7776000 seconds); '' is off. */
const choices: { value: string; label: string }[] = [
  { value: '', label: 'Off' },
  { value: '300', label: '5 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: '7776000', label: '90 days' },
];

/**
 * "Disappearing messages": the conversation's timer, for everyone in it. It shows the store's value (updated by
 * `conversation:updated`). In a group only owners and admins may change it (docs/api.md), so a plain member sees it
 * disabled; any refusal the server still gives shows in the alert.
 */
export function DisappearingSetting({ conversation: c }: { conversation: Conversation }) {
  const client = useClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mayChange = c.type !== 'group' || c.role === 'owner' || c.role === 'admin';
  const current = c.disappearAfterSeconds == null ? '' : String(c.disappearAfterSeconds);
  // A timer set elsewhere to a value not offered here still shows (as seconds) rather than as "Off".
  const options = choices.some((o) => o.value === current) ? choices : [...choices, { value: current, label: `${current} seconds` }];
  const change = async (value: string) => {
    setError(undefined);
    setBusy(true);
    try {
      await client.setDisappearingTimer(c.id, value === '' ? null : Number(value));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="disappearing-setting">
      <label>
        Disappearing messages{' '}
        <select value={current} disabled={busy || !mayChange} onChange={(e) => void change(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {!mayChange && <p className="hint">Only the group's owner and admins can change this.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
