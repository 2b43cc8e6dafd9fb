// Loading, error, "not allowed" and "not found" states, shared by every page.
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ERROR_CODES } from '../../../src/platform/errors';
import { ApiError, GENERIC_ERROR_MESSAGE, isApiError } from './api';
import { Page } from './page';
import { Button, Link, Notice } from './ui';

export function Loading({ label = 'Hämtar uppgifter' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}

/** An error inside a page: the API's Swedish message, and the request id for support. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = isApiError(error) ? error.message : GENERIC_ERROR_MESSAGE;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Notice tone="error" title="Det gick inte att hämta uppgifterna" live>
      <p>{message}</p>
      {requestId && <p className="muted">Felkod för support: {requestId}</p>}
      {onRetry && (
        <Button variant="secondary" onPress={onRetry}>
          Försök igen
        </Button>
      )}
    </Notice>
  );
}

export function NotAllowed() {
  return (
    <Page title="Du saknar behörighet" breadcrumbs={[{ label: 'Start', href: '/' }]}>
      <p className="lead">Din roll har inte behörighet till den här sidan.</p>
      <p>
        Om du behöver komma åt sidan i ditt arbete, kontakta din enhetschef eller systemets administratör.{' '}
        <Link href="/">Gå till startsidan</Link>.
      </p>
    </Page>
  );
}

export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte" breadcrumbs={[{ label: 'Start', href: '/' }]}>
      <p className="lead">Vi hittar inte sidan du söker.</p>
      <p>Kontrollera adressen om du skrev in den själv. Om du följde en länk kan sidan ha flyttats eller tagits bort.</p>
      <p>
        <Link href="/">Gå till startsidan</Link>
      </p>
    </Page>
  );
}

/**
 * A case or person the user may not see looks the same as one that does not exist. `message` is the area's own
 * text, the one its API sends with the 404 (for a case: CASE_NOT_FOUND_MESSAGE in src/intake/labels.ts).
 */
export function NotFoundOrForbidden({ what = 'case', message }: { what?: 'case' | 'person'; message?: string }) {
  const isCase = what === 'case';
  return (
    <Page
      title={isCase ? 'Ärendet kan inte visas' : 'Personen kan inte visas'}
      breadcrumbs={isCase ? [{ label: 'Start', href: '/' }, { label: 'Ärenden', href: '/arenden' }] : [{ label: 'Start', href: '/' }, { label: 'Personer', href: '/personer' }]}
    >
      <Notice tone="warning">
        <p>{message ?? (isCase ? ERROR_CODES.NOT_FOUND[1] : 'Du har inte behörighet till personen, eller så finns den inte.')}</p>
      </Notice>
      <p>
        {isCase ? <Link href="/arenden">Gå till dina ärenden</Link> : <Link href="/personer">Sök en person</Link>}
      </p>
    </Page>
  );
}

/** The page shown when loading a page's data fails. */
export function PageError({ error, title = 'Något gick fel' }: { error: unknown; title?: string }) {
  const qc = useQueryClient();
  return (
    <Page title={title} breadcrumbs={[{ label: 'Start', href: '/' }]}>
      <ErrorState error={error} onRetry={() => void qc.invalidateQueries()} />
    </Page>
  );
}

/** Top-level error boundary page for unexpected errors (React Router errorElement). */
export function CrashPage({ error }: { error: unknown }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Något gick fel – Kontakt';
    ref.current?.focus();
  }, []);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <main className="crash" id="main">
      <h1 ref={ref} tabIndex={-1}>
        Något gick fel
      </h1>
      <p className="lead">Ett oväntat fel inträffade. Dina sparade uppgifter påverkas inte.</p>
      <p>Ladda om sidan och försök igen. Om felet finns kvar, kontakta systemets administratör.</p>
      {requestId && <p className="muted">Felkod för support: {requestId}</p>}
      <p>
        <a className="link" href="/">
          Gå till startsidan
        </a>
      </p>
    </main>
  );
}
