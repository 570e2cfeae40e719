interface Values {
  name?: string | null;
  about?: string | null;
  icon?: string | null;
}

/** A text field of a submitted form, trimmed ('' when absent). */
export function formText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === 'string' ? value.trim() : '';
}

/** What a group's form sends: a blank about or icon clears it. */
export function readGroupFields(form: FormData): {
  name: string;
  about: string | null;
  icon: string | null;
  visibility?: 'public' | 'private';
} {
  const text = (key: string) => formText(form, key);
  const visibility = form.get('visibility');
  return {
    name: text('name'),
    about: text('about') || null,
    icon: text('icon') || null,
    ...(visibility === 'public' || visibility === 'private' ? { visibility } : {}),
  };
}

/** The group's "Group name", "About" and "Icon (one emoji)" fields, and "Visibility" when creating one. */
export function GroupFields({ values = {}, withVisibility = false }: { values?: Values; withVisibility?: boolean }) {
  return (
    <>
      <label>
        Group name
        <input name="name" required maxLength={100} defaultValue={values.name ?? ''} />
      </label>
      <label>
        About
        <textarea name="about" rows={2} maxLength={500} defaultValue={values.about ?? ''} />
      </label>
      <label>
        Icon (one emoji)
        <input name="icon" maxLength={16} defaultValue={values.icon ?? ''} />
      </label>
      {withVisibility && (
        <label>
          Visibility
          <select name="visibility" defaultValue="private">
            <option value="private">Private: by invitation</option>
            <option value="public">Public: anyone can find and join it</option>
          </select>
        </label>
      )}
    </>
  );
}
