import type { PrivacySettings } from '@parley/client';
import { useEffect, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';

type Audience = PrivacySettings['lastSeen'];

const audiences: { value: Audience; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'contacts', label: 'My contacts' },
  { value: 'nobody', label: 'Nobody' },
];
const adders: { value: PrivacySettings['groupAdds']; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'contacts', label: 'My contacts' },
];

/**
 * "Privacy" in Profile: who sees last seen and online, read receipts, who may add me to groups
 * (GET/PATCH /users/me/privacy). Kept current from other devices through the store (`privacy:updated`).
 */
export function PrivacySection() {
  const client = useClient();
  const saved = useStore((store) => store.privacy);
  // Shown at once while the change is saved (then the store has it; a refusal reverts it).
  const [pending, setPending] = useState<Partial<PrivacySettings>>({});
  const privacy = saved && { ...saved, ...pending };
  const [error, setError] = useState<string>();

  useEffect(() => {
    client.privacy.get().catch((err: unknown) => setError(errorText(err)));
  }, [client]);

  function change(patch: Partial<PrivacySettings>) {
    setError(undefined);
    setPending((p) => ({ ...p, ...patch }));
    client.privacy
      .update(patch)
      .catch((err: unknown) => setError(errorText(err)))
      .finally(() => setPending({}));
  }

  return (
    <section className="panel-form" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">Privacy</h3>
      <fieldset disabled={!privacy}>
        <legend>Last seen</legend>
        {audiences.map((a) => (
          <label key={a.value}>
            <input type="radio" name="lastSeen" checked={privacy?.lastSeen === a.value} onChange={() => change({ lastSeen: a.value })} />
            {a.label}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!privacy}>
        <legend>Online</legend>
        {audiences.map((a) => (
          <label key={a.value}>
            <input type="radio" name="online" checked={privacy?.online === a.value} onChange={() => change({ online: a.value })} />
            {a.label}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          role="switch"
          disabled={!privacy}
          checked={privacy?.readReceipts ?? true}
          onChange={(e) => change({ readReceipts: e.currentTarget.checked })}
        />
        Read receipts
      </label>
      <p className="empty">Off: others do not see when you read their messages, and you do not see when they read yours.</p>
      <fieldset disabled={!privacy}>
        <legend>Who can add me to groups</legend>
        {adders.map((a) => (
          <label key={a.value}>
            <input type="radio" name="groupAdds" checked={privacy?.groupAdds === a.value} onChange={() => change({ groupAdds: a.value })} />
            {a.label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
