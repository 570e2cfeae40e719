import type { UploadItem } from './useUploads';

/** Each upload's progress bar and its "Cancel upload" button (or why it failed, and "Dismiss"). */
export function UploadList({ items, onCancel }: { items: readonly UploadItem[]; onCancel: (key: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="uploads" aria-label="Uploads">
      {items.map((u) => (
        <li key={u.key} className="upload">
          <span className="upload-name">{u.name}</span>
          {u.error ? (
            <span role="alert" className="error">
              Not sent: {u.error}
            </span>
          ) : (
            <progress aria-label={`Uploading ${u.name}`} max={Math.max(u.total, 1)} value={u.sent} />
          )}
          <button type="button" className="icon-button" onClick={() => onCancel(u.key)}>
            {u.error ? 'Dismiss' : 'Cancel upload'}
          </button>
        </li>
      ))}
    </ul>
  );
}
