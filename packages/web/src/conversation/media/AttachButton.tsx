import { AttachIcon } from '../../common/icons';
import { useRef } from 'react';

/** "Attach a file": the file picker (images and files; several at once). */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className="attach icon-button" title="Attach a file">
      <AttachIcon />
      <input
        ref={input}
        type="file"
        multiple
        className="visually-hidden"
        aria-label="Attach a file"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </label>
  );
}
