/** One step of shutdown. Each part of startup returns its own; they run in reverse order of start. */
export type Stop = () => Promise<void> | void;

export async function runInReverse(stops: readonly Stop[]): Promise<void> {
  for (const stop of [...stops].reverse()) await stop();
}
