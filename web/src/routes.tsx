// All pages, grouped by area. Each area's pages live in its own folder (web/src/<area>/).
// Pages load lazily, one chunk per page: the login page downloads only what it needs.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ComponentType } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Outlet, useHref, useNavigate, useRouteError, type RouteObject } from 'react-router';
import { setUnauthenticatedHandler } from './platform/api';
import { loginPath, RequireAuth, RequirePermission, useMe, type Permission } from './platform/auth';
import { Layout, PublicLayout } from './platform/layout';
import { CrashPage, Loading, NotFoundPage } from './platform/states';

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

/** An unknown address: "Sidan finns inte" in the signed-in frame, or in the public one before sign-in. */
function NotFoundFrame() {
  const me = useMe();
  if (me.isPending) return <Loading label="Hämtar dina uppgifter" />;
  if (me.data) return <Layout />;
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

/** A lazily loaded page, shown only to users with the permission (when one is given). */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, permission?: Permission): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Component = pick(await load());
      return {
        element: permission ? (
          <RequirePermission permission={permission}>
            <Component />
          </RequirePermission>
        ) : (
          <Component />
        ),
      };
    },
  };
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading label="Hämtar sidan" />,
    children: [
      { path: '/logga-in', ...page(() => import('./platform/login-page'), (m) => m.LoginPage) },
      // Public, no sign-in: the application to become a contact person (its own public frame).
      { path: '/bli-kontaktperson', ...page(() => import('./contact-persons/apply-page'), (m) => m.ApplyPage) },
      { path: '/portalen/valj-losenord', ...page(() => import('./contact-persons/portal-password-page'), (m) => m.PortalPasswordPage) },
      {
        element: (
          <RequireAuth>
            <Layout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          { index: true, ...page(() => import('./platform/start-page'), (m) => m.StartPage) },
          { path: 'personer', ...page(() => import('./people/person-search-page'), (m) => m.PersonSearchPage, 'person:read') },
          { path: 'personer/ny', ...page(() => import('./people/person-create-page'), (m) => m.PersonCreatePage, 'person:write') },
          { path: 'personer/:id', ...page(() => import('./people/person-page'), (m) => m.PersonPage, 'person:read') },
          { path: 'arenden', ...page(() => import('./intake/case-list-page'), (m) => m.CaseListPage, 'case:read') },
          { path: 'arenden/ny', ...page(() => import('./intake/case-create-page'), (m) => m.CaseCreatePage, 'case:write') },
          { path: 'arenden/:id', ...page(() => import('./intake/case-page'), (m) => m.CasePage, 'case:read') },
          { path: 'arenden/:id/utredning', ...page(() => import('./investigation/investigation-page'), (m) => m.InvestigationPage, 'case:read') },
          { path: 'meddelanden', ...page(() => import('./platform/notifications/messages-page'), (m) => m.MessagesPage) },
          { path: 'kontaktpersonstraffar', ...page(() => import('./cp-meetings/meetings-page'), (m) => m.MeetingsPage, 'cp-meeting:read') },
          { path: 'kontaktpersonstraffar/:id', ...page(() => import('./cp-meetings/meeting-page'), (m) => m.MeetingPage, 'cp-meeting:read') },
          { path: 'tillsyn', ...page(() => import('./platform/nav-group-page'), (m) => m.OversightPage) },
          { path: 'registervard', ...page(() => import('./platform/nav-group-page'), (m) => m.RegisterCarePage) },
          { path: 'admin', ...page(() => import('./platform/nav-group-page'), (m) => m.AdminPage) },
          { path: 'admin/import', ...page(() => import('./import/import-page'), (m) => m.ImportPage, 'import:run') },
          { path: 'admin/e-post', ...page(() => import('./admin/email-outbox-page'), (m) => m.EmailOutboxPage, 'admin:settings') },
          { path: 'admin/enheter', ...page(() => import('./admin/units-page'), (m) => m.UnitsPage, 'admin:units') },
          { path: 'admin/anvandare', ...page(() => import('./admin/users-page'), (m) => m.UsersPage, 'admin:users') },
          { path: 'admin/rattsliga-grunder', ...page(() => import('./admin/legal-bases-page'), (m) => m.LegalBasesPage, 'admin:legal-bases') },
          { path: 'admin/arvoden', ...page(() => import('./payments/rates-page'), (m) => m.RatesPage, 'admin:rates') },
          { path: 'admin/kommun', ...page(() => import('./admin/municipality-page'), (m) => m.MunicipalityPage, 'admin:settings') },
          { path: 'admin/kontaktpersoner', ...page(() => import('./admin/cp-settings-page'), (m) => m.CpSettingsPage, 'admin:settings') },
          { path: 'admin/kontaktpersoner/omraden', ...page(() => import('./admin/cp-districts-page'), (m) => m.CpDistrictsPage, 'admin:settings') },
          { path: 'admin/kontaktpersoner/registerkontroll', ...page(() => import('./admin/check-rules-page'), (m) => m.CheckRulesPage, 'admin:settings') },
          { path: 'beslut/att-godkanna', ...page(() => import('./decisions/decision-list-pages'), (m) => m.ApprovalQueuePage, 'decision:approve') },
          { path: 'beslut/uppfoljning', ...page(() => import('./decisions/decision-list-pages'), (m) => m.FollowUpPage, 'decision:make') },
          { path: 'bestallningar', ...page(() => import('./orders/inbox-page'), (m) => m.InboxPage, 'order:read') },
          { path: 'bestallningar/:id', ...page(() => import('./orders/order-page'), (m) => m.OrderPage, 'order:read') },
          { path: 'uppdrag/:id', ...page(() => import('./assignments/assignment-page'), (m) => m.AssignmentPage, 'assignment:read') },
          { path: 'bestallningar/:orderId/genomforandeplan', ...page(() => import('./assignments/plan-page'), (m) => m.PlanPage, 'assignment:read') },
          { path: 'bestallningar/:orderId/kandidater', ...page(() => import('./matching/candidates-page'), (m) => m.CandidatesPage, 'assignment:read') },
          { path: 'vantelista', ...page(() => import('./matching/waiting-list-page'), (m) => m.WaitingListPage, 'assignment:read') },
          { path: 'vantelista/forslag', ...page(() => import('./matching/proposal-page'), (m) => m.ProposalPage, 'assignment:write') },
          { path: 'admin/matchning', ...page(() => import('./matching/settings-page'), (m) => m.MatchingSettingsPage, 'admin:settings') },
          { path: 'kontaktpersoner', ...page(() => import('./contact-persons/register-page'), (m) => m.RegisterPage, 'contact-person:read') },
          { path: 'kontaktpersoner/paminnelser', ...page(() => import('./contact-persons/reminders-page'), (m) => m.RemindersPage, 'contact-person:read') },
          { path: 'kontaktpersoner/:id', ...page(() => import('./contact-persons/contact-person-page'), (m) => m.ContactPersonPage, 'contact-person:read') },
          { path: 'lon/anstallningsuppgifter', ...page(() => import('./assignments/payroll-notices-page'), (m) => m.PayrollNoticesPage, 'payroll:read') },
          { path: 'lon/manad', ...page(() => import('./payroll/month-page'), (m) => m.PayrollMonthPage, 'payroll:manage') },
          { path: 'lon/installningar', ...page(() => import('./payroll/settings-page'), (m) => m.PayrollSettingsPage, 'payroll:manage') },
          { path: 'lon/kontroll', ...page(() => import('./payroll/control-page'), (m) => m.PaymentControlPage, 'payroll:control') },
          { path: 'lon/bank-och-skatt', ...page(() => import('./contact-persons/payroll-page'), (m) => m.PayrollPage, 'contact-person:payment') },
          { path: 'portalen', ...page(() => import('./portal/portal-start-page'), (m) => m.PortalStartPage, 'portal:read') },
          { path: 'portalen/uppdrag/:id', ...page(() => import('./portal/portal-assignment-page'), (m) => m.PortalAssignmentPage, 'portal:read') },
          { path: 'portalen/rapporter/:id', ...page(() => import('./portal/report-page'), (m) => m.ReportPage, 'portal:read') },
          { path: 'admin/portalen', ...page(() => import('./portal/portal-settings-page'), (m) => m.PortalSettingsPage, 'admin:settings') },
          { path: 'manadsrapporter', ...page(() => import('./portal/report-queue-page'), (m) => m.ReportQueuePage, 'report:read') },
          { path: 'manadsrapporter/:id', ...page(() => import('./portal/report-review-page'), (m) => m.ReportReviewPage, 'report:read') },
          { path: 'ivo', ...page(() => import('./oversight/ivo-page'), (m) => m.IvoPage, 'ivo:read') },
          { path: 'loggkontroll', ...page(() => import('./oversight/audit-page'), (m) => m.AuditPage, 'audit:read') },
          { path: 'gallring', ...page(() => import('./oversight/disposal-page'), (m) => m.DisposalPage, 'disposal:run') },
          { path: 'flytta-arenden', ...page(() => import('./oversight/reassign-page'), (m) => m.ReassignPage, 'case:assign') },
          { path: 'sla-ihop-personer', ...page(() => import('./oversight/merge-page'), (m) => m.MergePage, 'person:merge') },
          { path: 'loggkontroll/avvikelser', ...page(() => import('./oversight/audit-unusual-page'), (m) => m.AuditUnusualPage, 'audit:read') },
          { path: 'admin/loggkontroll', ...page(() => import('./oversight/audit-settings-page'), (m) => m.AuditSettingsPage, 'admin:settings') },
          { path: 'loggkontroll/registerutdrag', ...page(() => import('./oversight/gdpr-extract-page'), (m) => m.GdprExtractPage, 'gdpr:extract') },
          { path: 'oversikt', ...page(() => import('./oversight/dashboard-page'), (m) => m.DashboardPage, 'dashboard:read') },
          { path: 'forsenat', ...page(() => import('./oversight/overdue-page'), (m) => m.OverduePage, 'dashboard:read') },
          { path: 'oversikt/lss-statistik', ...page(() => import('./oversight/lss-statistics-page'), (m) => m.LssStatisticsPage, 'statistics:lss') },
        ],
      },
      // Unknown pages, for signed-in users and before sign-in alike.
      { element: <NotFoundFrame />, errorElement: <RouteError />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
];
