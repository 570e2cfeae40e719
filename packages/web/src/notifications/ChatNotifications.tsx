import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { isMutedNow, muteChoices, muteText, unmutePatch, type NotifyLevel } from './chatMute';
import { Dialog } from '../common/Dialog';
import { DisappearingSetting } from '../conversation/DisappearingSetting';

const levels: { value: NotifyLevel; label: string }[] = [
  { value: 'all', label: 'All messages' },
  { value: 'mentions', label: 'Only mentions of me' },
  { value: 'none', label: 'Nothing' },
];

type Patch = Parameters<ReturnType<typeof useClient>['conversations']['updateSettings']>[1];

/** The dialog "Chat notifications": which messages of this chat notify you, and muting it. What it shows is the store's. */
export function ChatNotifications({ conversation: c, onClose }: { conversation: Conversation; onClose: () => void }) {
  const client = useClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The level just chosen shows at once (a radio that waited for the server would look as if the click missed).
  const [chosen, setChosen] = useState<NotifyLevel>();
  const change = async (patch: Patch) => {
    setError(undefined);
    setBusy(true);
    try {
      await client.conversations.updateSettings(c.id, patch);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setChosen(undefined);
      setBusy(false);
    }
  };
  const level = chosen ?? c.notifications;

  return (
    <Dialog title="Chat notifications" className="sheet" onClose={onClose}>
      <fieldset disabled={busy}>
        <legend>Notify me about</legend>
        {levels.map((l) => (
          <label key={l.value}>
            <input
              type="radio"
              name="notify"
              checked={level === l.value}
              onChange={() => {
                setChosen(l.value);
                void change({ notifications: l.value });
              }}
            />
            {l.label}
          </label>
        ))}
      </fieldset>
      <p className="sheet-status" role="status">
        {muteText(c)}
      </p>
      <div className="sheet-actions">
        {muteChoices.map((m) => (
          <button key={m.label} type="button" disabled={busy} onClick={() => void change(m.patch())}>
            {m.label}
          </button>
        ))}
        {isMutedNow(c) && (
          <button type="button" disabled={busy} onClick={() => void change(unmutePatch)}>
            Unmute
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <DisappearingSetting conversation={c} />
    </Dialog>
  );
}
