// The link from a portal invitation: the contact person chooses a password. The token travels in the address's
// fragment (never sent to the server in a URL, never in its logs) and is posted in the body.
import { useState } from 'react';
import { setPortalPasswordBody } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { PublicLayout } from '../platform/layout';
import { Page } from '../platform/page';
import { Link, Notice } from '../platform/ui';

export function PortalPasswordPage() {
  const [username, setUsername] = useState<string | null>(null);
  const token = window.location.hash.slice(1);
  const form = useForm({
    id: 'portal-password',
    initial: { password: '', repeat: '' },
    schema: setPortalPasswordBody,
    toBody: (v) => ({ token, password: v.password }),
    check: (v): Record<string, string> => (v.password !== v.repeat ? { repeat: 'Lösenorden är inte lika. Skriv samma lösenord två gånger.' } : {}),
    onSubmit: async (body) => {
      const saved = await api<{ done: true; username: string }>('/public/portal/password', { body, ignoreUnauthenticated: true });
      setUsername(saved.username);
    },
  });
  return (
    <PublicLayout>
      <Page title="Välj lösenord">
        {username ? (
          <Notice tone="success" live title="Ditt lösenord är sparat">
            <p>
              Logga in i portalen för kontaktpersoner med användarnamnet <strong>{username}</strong> och lösenordet du valde.
            </p>
            <p>
              <Link href="/logga-in">Gå till inloggningen</Link>
            </p>
          </Notice>
        ) : (
          <Form form={form} aria-label="Välj lösenord" failureTitle="Lösenordet kunde inte sparas">
            <TextInput name="password" label="Lösenord" type="password" hint="Minst 12 tecken." autoComplete="new-password" width="l" />
            <TextInput name="repeat" label="Skriv lösenordet igen" type="password" autoComplete="new-password" width="l" />
            <SubmitButton form={form}>Spara lösenordet</SubmitButton>
          </Form>
        )}
      </Page>
    </PublicLayout>
  );
}
