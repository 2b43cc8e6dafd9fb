// The frame around every signed-in page: skip link, header with user and sign-out, navigation by role.
import { useState } from 'react';
import { Outlet, Link as RouterLink, useLocation } from 'react-router';
import { can, useCurrentUser, useLogout } from './auth';
import { navCovers, visibleNav } from './nav-items';
import { MessagesLink } from './notifications/messages-link';
import { SectionContext } from './page';
import { Button } from './ui';

export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link that works without script; the handler only keeps "#main" out of the address.
    <a className="skip-link" href="#main" onClick={(e) => {
      e.preventDefault();
      const main = document.getElementById('main');
      main?.focus();
      main?.scrollIntoView();
    }}>
      Hoppa till innehållet
    </a>
  );
}

export function Layout() {
  const me = useCurrentUser();
  const logout = useLogout();
  const { pathname } = useLocation();
  // The section the current page declares through its breadcrumbs (see sectionOf in page.tsx).
  const [section, setSection] = useState<string | null>(null);
  const items = visibleNav((p) => can(me, p));
  return (
    <div className="app">
      <SkipLink />
      <header className="header">
        <div className="container header-inner">
          <RouterLink className="brand" to="/">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-text">
              <span className="brand-name">Kontakt</span>
              <span className="brand-org">{me.municipalityName}</span>
            </span>
          </RouterLink>
          <div className="header-user">
            <MessagesLink />
            <p className="user-info">
              <span className="user-name">{me.user.displayName}</span>
              <span className="user-role">
                {me.user.roleLabel}
                {me.user.unit ? `, ${me.user.unit.name}` : ''}
              </span>
            </p>
            <Button variant="secondary" className="btn-header" onPress={() => void logout()}>
              Logga ut
            </Button>
          </div>
        </div>
        <nav className="nav" aria-label="Huvudmeny">
          <div className="container">
            <ul className="nav-list">
              {items.map((i) => {
                const active = navCovers(i, section);
                return (
                  <li key={i.to}>
                    <RouterLink to={i.to} className={`nav-link${active ? ' active' : ''}`} aria-current={active ? (pathname === i.to ? 'page' : 'true') : undefined}>
                      {i.label}
                    </RouterLink>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
        {me.demoMode && (
          <div className="demo-banner">
            <div className="container">
              <strong>Demoläge.</strong> Alla personer och ärenden är påhittade. Skriv inte in uppgifter om riktiga personer.
            </div>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} className="main">
        <div className="container">
          <SectionContext value={setSection}>
            <Outlet />
          </SectionContext>
        </div>
      </main>
      <footer className="footer">
        <div className="container footer-inner">
          <p>Kontakt – ärendesystem för kontaktpersoner enligt LSS och socialtjänstlagen.</p>
          <p>{me.municipalityName}</p>
        </div>
      </footer>
    </div>
  );
}

/** Frame for pages without a signed-in user (login). */
export function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="app">
      <SkipLink />
      <header className="header">
        <div className="container header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-text">
              <span className="brand-name">Kontakt</span>
              <span className="brand-org">Ärendesystem för kontaktpersoner</span>
            </span>
          </span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <div className="container">{children}</div>
      </main>
      <footer className="footer">
        <div className="container footer-inner">
          <p>Kontakt – ärendesystem för kontaktpersoner enligt LSS och socialtjänstlagen.</p>
        </div>
      </footer>
    </div>
  );
}
