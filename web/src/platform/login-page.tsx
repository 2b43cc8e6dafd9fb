// Sign in. In demo mode the page lists the fictitious demo accounts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from './api';
import { meQueryKey, useMe, type Me } from './auth';
// The form's own files, not './form' (its index): the index would bring every widget, and react-aria's fields, along.
import { Form } from './form/form';
import { useForm } from './form/form-core';
import { NativeTextInput } from './form/native-text-input';
import { SubmitButton } from './form/submit-button';
import { PublicLayout } from './layout';
import { Page } from './page';
import { Loading } from './states';
import { loginProblems } from '../../../src/platform/auth/rules';
import { genitive } from './text';
import { Button, Notice } from './ui';
import { ERROR_CODES, type ErrorCode } from '../../../src/platform/errors';

type SignInOptions = { oidc: boolean; localPasswords: boolean };

/** The codes the single sign-on callback sends back to this page (the server's Swedish message for each). */
const SSO_ERRORS = ['OIDC_FAILED', 'OIDC_NO_ROLE', 'OIDC_NO_UNIT', 'OIDC_ACCOUNT_INACTIVE', 'OIDC_USERNAME_TAKEN', 'OIDC_NOT_CONFIGURED'] as const satisfies readonly ErrorCode[];

export function ssoErrorMessage(code: string | null): string | null {
  const known = SSO_ERRORS.find((c) => c === code);
  return known ? ERROR_CODES[known][1] : null;
}

type DemoAccount = { username: string; password: string; displayName: string; roleLabel: string; unitName: string | null };

/** The sign-in form's rule (`loginProblems`, shared with the API's `loginBody`), in the shape the form core expects. */
const loginCheck = {
  safeParse(value: unknown) {
    const v = value as { username: string; password: string };
    const issues = loginProblems(v).map((p) => ({ path: [p.path], message: p.message }));
    return issues.length > 0 ? ({ success: false, error: { issues } } as const) : ({ success: true, data: { username: v.username.trim(), password: v.password } } as const);
  },
};

/** Only paths inside the app are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/logga-in')) return '/';
  return next;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('utloggad');
  const ssoError = ssoErrorMessage(params.get('inloggningsfel'));
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api<{ accounts: DemoAccount[] }>('/auth/demo-accounts', { ignoreUnauthenticated: true }),
    retry: false,
    staleTime: Infinity,
  });

  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => api<SignInOptions>('/auth/sign-in-options', { ignoreUnauthenticated: true }),
    retry: false,
    staleTime: Infinity,
  });
  const sso = options.data?.oidc === true;
  const staffPasswords = options.data?.localPasswords !== false;

  const form = useForm({
    id: 'login',
    initial: { username: '', password: '' },
    schema: loginCheck,
    onSubmit: async (body) => {
      const result = await api<Me>('/auth/login', { body, ignoreUnauthenticated: true });
      qc.clear();
      qc.setQueryData(meQueryKey, result);
      navigate(next, { replace: true });
    },
  });

  useEffect(() => {
    if (reason === '1') document.getElementById('login-username')?.focus();
  }, [reason]);

  const passwordForm = (
    <Form form={form} failureTitle="Det gick inte att logga in" aria-label="Logga in">
      <NativeTextInput name="username" label="Användarnamn" autoComplete="username" width="l" />
      <NativeTextInput name="password" label="Lösenord" type="password" autoComplete="current-password" width="l" />
      <SubmitButton form={form}>Logga in</SubmitButton>
    </Form>
  );

  if (me.isPending) return <Loading label="Kontrollerar inloggning" />;
  if (me.isSuccess && me.data) return <Navigate to={next} replace />;

  return (
    <PublicLayout>
      <div className="login-grid">
        <div>
        <Page title="Logga in">
          {reason === '1' && (
            <Notice tone="warning" title="Du har blivit utloggad">
              <p>Du har blivit utloggad, till exempel för att du inte har använt Kontakt på en stund. Logga in igen för att fortsätta.</p>
            </Notice>
          )}
          {reason === 'sjalv' && <Notice tone="success" title="Du är utloggad" live />}
          {ssoError && (
            <Notice tone="error" title="Det gick inte att logga in" live>
              <p>{ssoError}</p>
            </Notice>
          )}
          {sso && (
            <section className="section" aria-labelledby="sso-heading">
              <h2 id="sso-heading">{staffPasswords ? 'Personal' : 'Personal i kommunen'}</h2>
              <p>Logga in med samma konto som du använder för kommunens andra system.</p>
              <p className="button-row">
                {/* A full page load: the server sends the browser on to the kommun's sign-in. */}
                <a className="btn btn-primary" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
                  Logga in med kommunens konto
                </a>
              </p>
            </section>
          )}
          {sso && !staffPasswords ? (
            <details className="section">
              <summary>Är du kontaktperson? Logga in med användarnamn och lösenord</summary>
              {passwordForm}
            </details>
          ) : (
            <>
              {sso && <h2>Logga in med användarnamn och lösenord</h2>}
              {passwordForm}
            </>
          )}
        </Page>
        </div>
        {demo.data && demo.data.accounts.length > 0 && (
          <section className="section demo-accounts" aria-labelledby="demo-heading">
            <h2 id="demo-heading">Demokonton</h2>
            <Notice tone="info">
              <p>
                Kontakt körs i demoläge. Kontona och alla personer i systemet är påhittade och får bara användas för att prova systemet.
              </p>
            </Notice>
            <table className="simple-table">
              <caption className="visually-hidden">Demokonton att logga in med</caption>
              <thead>
                <tr>
                  <th scope="col">Namn och roll</th>
                  <th scope="col">Användarnamn</th>
                  <th scope="col">Lösenord</th>
                  <th scope="col">
                    <span className="visually-hidden">Åtgärd</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {demo.data.accounts.map((a) => (
                  <tr key={a.username}>
                    <th scope="row">
                      {a.displayName}
                      <span className="muted block">
                        {a.roleLabel}
                        {a.unitName ? `, ${a.unitName}` : ''}
                      </span>
                    </th>
                    <td data-label="Användarnamn">
                      <code>{a.username}</code>
                    </td>
                    <td data-label="Lösenord">
                      <code>{a.password}</code>
                    </td>
                    <td>
                      <Button
                        variant="secondary"
                        aria-label={`Fyll i ${genitive(a.displayName)} uppgifter`}
                        onPress={() => {
                          form.set('username', a.username);
                          form.set('password', a.password);
                          document.getElementById('login-username')?.focus();
                        }}
                      >
                        Fyll i
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </PublicLayout>
  );
}
