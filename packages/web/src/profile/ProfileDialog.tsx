import { unwrap, type User } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { Dialog } from '../common/Dialog';
import { formText } from '../groups/GroupFields';
import { useClient } from '../hooks/useClient';
import { AccountSection } from './AccountSection';
import { PrivacySection } from './PrivacySection';

/** "Profile": name, username and bio (PATCH /users/me), a new avatar (POST /users/me/avatar, field `avatar`), privacy, and the account. */
export function ProfileDialog(props: { me: User; onSaved: (user: User) => void; onClose: () => void; onSignOut: () => Promise<void> }) {
  const { me, onSaved, onClose, onSignOut } = props;
  const client = useClient();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const text = (key: string) => formText(form, key);
      let { user } = unwrap(
        await client.rest.PATCH('/users/me', { body: { name: text('name'), username: text('username'), bio: text('bio') } }),
      );
      const file = form.get('avatar');
      if (file instanceof File && file.size > 0) user = { ...user, avatarUrl: await uploadAvatar(file) };
      onSaved(user);
      setNotice('Profile saved.');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function uploadAvatar(file: File): Promise<string> {
    const body = new FormData();
    body.set('avatar', file);
    const res = await client.rest.POST('/users/me/avatar', { body: { avatar: '' }, bodySerializer: () => body });
    return unwrap(res).avatarUrl;
  }

  return (
    <Dialog title="Profile" onClose={onClose}>
      <form className="panel-form" onSubmit={(e) => void save(e)}>
        <label>
          Your name
          <input name="name" required maxLength={100} defaultValue={me.name} />
        </label>
        <label>
          Username
          <input name="username" required maxLength={32} defaultValue={me.username} />
        </label>
        <label>
          Bio
          <textarea name="bio" rows={2} maxLength={500} defaultValue={me.bio ?? ''} />
        </label>
        <label>
          Avatar image
          <input name="avatar" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" />
        </label>
        <p role="alert" className="error">
          {error}
        </p>
        <p role="status">{notice}</p>
        <button type="submit" className="text-button primary" disabled={busy}>
          Save profile
        </button>
      </form>
      <PrivacySection />
      <AccountSection me={me} onSignOut={onSignOut} />
    </Dialog>
  );
}
