/**
 * "Sign in with Google" without Google's script (the page's policy allows only its own): the OAuth
 * implicit flow for an ID token. The browser goes to Google, which comes back to this page with
 * `#id_token=…&state=…`; the token then goes to POST /auth/google. The redirect URI, this origin
 * followed by `/`, must be listed for the client ID in Google's console.
 */
const AUTHORIZE = 'https://accounts.google.com/o/oauth2/v2/auth';
const STATE_KEY = 'parley-web:google-state';

export function startGoogleSignIn(clientId: string): void {
  const state = crypto.randomUUID();
  sessionStorage.setItem(STATE_KEY, state);
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: `${window.location.origin}/`,
    response_type: 'id_token',
    scope: 'openid email profile',
    nonce: crypto.randomUUID(),
    state,
    prompt: 'select_account',
  });
  window.location.assign(`${AUTHORIZE}?${params}`);
}

/** The ID token Google sent back in this page's fragment, when its state is the one this tab sent; the fragment is cleared. */
export function takeGoogleIdToken(): string | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const idToken = fragment.get('id_token');
  if (!idToken && !fragment.get('error')) return undefined;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  return idToken && expected && fragment.get('state') === expected ? idToken : undefined;
}
