import { ParleyError, problemToError } from './errors.js';

/** A JSON POST to `<url>/api/v1<path>` outside the typed client: sign-in and refresh must not wait on a token. */
export async function postJson(fetchFn: typeof fetch, url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetchFn(`${url}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (err) {
    throw new ParleyError({ code: 'network.failed', detail: (err as Error).message });
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw problemToError(res.status, json, res.headers);
  return json;
}
