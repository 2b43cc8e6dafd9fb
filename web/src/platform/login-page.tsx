// Sign in. In demo mode the page lists the fictitious demo accounts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '../../../src/platform/auth/schema';
import { api } from './api';
import { meQueryKey, useMe, type Me } from './auth';
import { Form, SubmitButton, TextInput, useForm } from './form';
import { PublicLayout } from './layout';
import { Page } from './page';
import { Loading } from './states';
import { genitive } from './text';
import { Button, Notice } from './ui';

type DemoAccount = { username: string; password: string; displayName: string; roleLabel: string; unitName: string | null };

/** Only paths inside the app are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/logga-in')) return '/';
  return next;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('utloggad');
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api<{ accounts: DemoAccount[] }>('/auth/demo-accounts', { ignoreUnauthenticated: true }),
    retry: false,
    staleTime: Infinity,
  });

  const form = useForm({
    id: 'login',
    initial: { username: '', password: '' },
    schema: loginBody,
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
          <Form form={form} failureTitle="Det gick inte att logga in" aria-label="Logga in">
            <TextInput name="username" label="Användarnamn" autoComplete="username" width="l" />
            <TextInput name="password" label="Lösenord" type="password" autoComplete="current-password" width="l" />
            <SubmitButton form={form}>Logga in</SubmitButton>
          </Form>
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
