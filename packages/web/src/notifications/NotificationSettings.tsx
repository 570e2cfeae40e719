import { Dialog } from '../common/Dialog';
import { usePushSettings, type DeviceState } from './usePushSettings';
import type { Previews } from './webPush';

const previewChoices: { value: Previews; label: string }[] = [
  { value: 'full', label: 'Name and message' },
  { value: 'name', label: 'Name only' },
  { value: 'none', label: 'No name or message' },
];

const deviceText: Record<DeviceState, string> = {
  loading: 'Checking this browser…',
  busy: 'One moment…',
  on: 'On: this browser shows new messages while Parley is closed.',
  off: 'Off in this browser.',
  denied: 'This browser blocks notifications from Parley. Allow them in its site settings, then turn them on here.',
  unsupported: 'This browser cannot show push notifications.',
};

/** The dialog "Notifications": push to this browser on or off, and what every device's notifications show. */
export function NotificationSettings({ onClose }: { onClose: () => void }) {
  const { device, previews, error, turnOn, turnOff, choosePreviews } = usePushSettings();
  return (
    <Dialog title="Notifications" className="sheet" onClose={onClose}>
      <p className="sheet-status" role="status">
        {deviceText[device]}
      </p>
      <div className="sheet-actions">
        {device === 'on' ? (
          <button type="button" onClick={() => void turnOff()}>
            Turn off notifications
          </button>
        ) : (
          <button type="button" className="primary" disabled={device !== 'off' && device !== 'denied'} onClick={() => void turnOn()}>
            Turn on notifications
          </button>
        )}
      </div>
      <fieldset disabled={!previews}>
        <legend>What notifications show</legend>
        {previewChoices.map((c) => (
          <label key={c.value}>
            <input type="radio" name="previews" checked={previews === c.value} onChange={() => void choosePreviews(c.value)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
