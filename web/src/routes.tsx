// All pages, grouped by area. Each area's pages live in its own folder (web/src/<area>/).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Outlet, useHref, useNavigate, useRouteError, type RouteObject } from 'react-router';
import { setUnauthenticatedHandler } from './platform/api';
import { loginPath, RequireAuth, RequirePermission } from './platform/auth';
import { Layout } from './platform/layout';
import { LoginPage } from './platform/login-page';
import { StartPage } from './platform/start-page';
import { CrashPage, NotFoundPage } from './platform/states';
import { PersonSearchPage } from './people/person-search-page';
import { PersonCreatePage } from './people/person-create-page';
import { PersonPage } from './people/person-page';
import { CaseListPage } from './intake/case-list-page';
import { CaseCreatePage } from './intake/case-create-page';
import { CasePage } from './intake/case-page';
import { UnitsPage } from './admin/units-page';
import { UsersPage } from './admin/users-page';
import { LegalBasesPage } from './admin/legal-bases-page';
import { MunicipalityPage } from './admin/municipality-page';
import { AuditPage } from './oversight/audit-page';

/** Root: client-side navigation for react-aria links, and "session ended" → login page. */
function Root() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname.startsWith('/logga-in')) return;
      qc.clear();
      navigate(loginPath(here, 'timeout'), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, qc]);
  return (
    <AriaRouterProvider navigate={(to, opts) => navigate(to, opts)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}

function RouteError() {
  const error = useRouteError();
  return <CrashPage error={error} />;
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/logga-in', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <Layout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <StartPage /> },
          { path: 'personer', element: <RequirePermission permission="person:read"><PersonSearchPage /></RequirePermission> },
          { path: 'personer/ny', element: <RequirePermission permission="person:write"><PersonCreatePage /></RequirePermission> },
          { path: 'personer/:id', element: <RequirePermission permission="person:read"><PersonPage /></RequirePermission> },
          { path: 'arenden', element: <RequirePermission permission="case:read"><CaseListPage /></RequirePermission> },
          { path: 'arenden/ny', element: <RequirePermission permission="case:write"><CaseCreatePage /></RequirePermission> },
          { path: 'arenden/:id', element: <RequirePermission permission="case:read"><CasePage /></RequirePermission> },
          { path: 'admin/enheter', element: <RequirePermission permission="admin:units"><UnitsPage /></RequirePermission> },
          { path: 'admin/anvandare', element: <RequirePermission permission="admin:users"><UsersPage /></RequirePermission> },
          { path: 'admin/rattsliga-grunder', element: <RequirePermission permission="admin:legal-bases"><LegalBasesPage /></RequirePermission> },
          { path: 'admin/kommun', element: <RequirePermission permission="admin:settings"><MunicipalityPage /></RequirePermission> },
          { path: 'loggkontroll', element: <RequirePermission permission="audit:read"><AuditPage /></RequirePermission> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
