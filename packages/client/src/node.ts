import fs from 'node:fs/promises';
import path from 'node:path';
import type { ClientStorage } from './storage/types.js';

/** Writes made by every file store of this process, to name their temporary files apart. */
let writes = 0;

/**
 * `@parley/client/node`: a JSON file that survives restarts of a Node process (a bot, a
 * script, a server-side integration). Writes are atomic (a temporary file renamed over the
 * old) and one at a time, so a crash leaves the last complete state.
 */
export function fileStorage(file: string): ClientStorage {
  let values: Promise<Record<string, string>> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = () =>
    (values ??= fs
      .readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as Record<string, string>)
      .catch((err: NodeJS.ErrnoException): Record<string, string> => {
        if (err.code === 'ENOENT') return {};
        throw err;
      }));
  const save = (change: (all: Record<string, string>) => void) => {
    const write = writing.then(async () => {
      const all = await load();
      change(all);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Unique per write: two stores on one file in one process (an app restarted in place) must not share a temporary file.
      const temporary = `${file}.${process.pid}.${++writes}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(all));
      await fs.rename(temporary, file);
    });
    // A failed write fails its caller, not every write after it.
    writing = write.catch(() => {});
    return write;
  };
  return {
    get: async (key) => (await load())[key],
    set: (key, value) => save((all) => void (all[key] = value)),
    delete: (key) => save((all) => void delete all[key]),
  };
}
