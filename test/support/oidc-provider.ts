// A real OpenID provider (the `oidc-provider` package) on a loopback port, for the single sign-on tests. Its login
// and consent are a small interaction of our own: "the person who signs in" is `signInAs`, set by the test, and
// consent is granted for what the client asked. The browser is played by `browse` with fetch and a cookie jar.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account at the provider: its id is its subject (`sub`). */
export interface TestAccount {
  claims: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** The account the next login interaction signs in. */
  signInAs: string;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string, port = 0): Promise<TestProvider> {
  const clientId = 'kontakt';
  const clientSecret = 'hemlighet-for-testklienten-som-ar-lang-nog';
  let provider: Provider | null = null;
  const state: TestProvider = {
    issuer: '',
    clientId,
    clientSecret,
    accounts: new Map(),
    signInAs: '',
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer(async (req, res) => {
    if (!provider) return res.end();
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          return await provider.interactionFinished(req, res, { login: { accountId: state.signInAs } }, { mergeWithLastSubmission: false });
        }
        const grant = new provider.Grant({ accountId: state.signInAs, clientId });
        grant.addOIDCScope(details.params.scope);
        return await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      }
      provider.callback()(req, res);
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(state.issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = state.accounts.get(id);
      return account ? { accountId: id, claims: async () => ({ ...account.claims, sub: id }) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['testnyckel-for-leverantorens-kakor'] },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'text';
      ctx.body = JSON.stringify(out);
    },
  });
  return state;
}

/**
 * Follow the provider's redirects from `url` (fetch, cookies kept per origin) until it sends the browser to
 * `stopAt`; the address it was sent to. A provider's own error page ends the walk with an exception.
 */
export async function browseUntil(url: string, stopAt: string, jar: Map<string, string> = new Map()): Promise<URL> {
  let next = new URL(url);
  for (let hop = 0; hop < 20; hop++) {
    if (next.href.startsWith(stopAt)) return next;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(next, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) throw new Error(`the provider answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next);
  }
  throw new Error('too many redirects');
}
