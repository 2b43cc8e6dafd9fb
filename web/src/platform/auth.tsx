// Who is signed in, what they may do, and the guards around pages.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeOut, SessionOut } from '../../../src/platform/auth/schema';
import { api } from './api';
import { ErrorState, Loading, NotAllowed } from './states';

export type Me = MeOut;

export type Permission =
  | 'person:read'
  | 'person:write'
  | 'case:read'
  | 'case:write'
  | 'case:assign'
  | 'audit:read'
  | 'admin:units'
  | 'admin:users'
  | 'admin:legal-bases'
  | 'admin:settings'
  | 'staff:read'
  | 'decision:make'
  | 'decision:approve'
  | 'order:send'
  | 'order:read'
  | 'order:confirm'
  | 'contact-person:read'
  | 'contact-person:write'
  | 'contact-person:payment'
  | 'assignment:read'
  | 'assignment:write'
  | 'payroll:read'
  | 'admin:rates'
  | 'cp-meeting:read'
  | 'cp-meeting:write'
  | 'payroll:manage'
  | 'payroll:control'
  | 'portal:read'
  | 'report:write'
  | 'report:read'
  | 'report:approve'
  | 'ivo:read'
  | 'ivo:write'
  | 'ivo:submit'
  | 'person:merge'
  | 'disposal:run'
  | 'audit:review'
  | 'gdpr:extract'
  | 'dashboard:read'
  | 'statistics:lss'
  | 'import:run';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null before sign-in (an answer from the API, not a 401). */
export function useMe() {
  return useQuery<Me | null>({ queryKey: meQueryKey, ...sessionQuery });
}

export const sessionQuery = {
  queryFn: async (): Promise<Me | null> => (await api<SessionOut>('/auth/session')).me,
  retry: false,
  staleTime: 5 * 60_000,
};

/** The signed-in user. Only for components rendered inside <RequireAuth>. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return can(data, permission);
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST', ignoreUnauthenticated: true });
    } catch {
      // Signing out is best-effort: the session is gone either way from the user's point of view.
    }
    qc.clear();
    window.location.assign('/logga-in?utloggad=sjalv');
  };
}

export function loginPath(next: string, reason?: 'timeout'): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (reason === 'timeout') params.set('utloggad', '1');
  const qs = params.toString();
  return `/logga-in${qs ? `?${qs}` : ''}`;
}

/** Renders children only for a signed-in user; otherwise sends them to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Hämtar dina uppgifter" />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}

/** Renders children when the user has the permission, otherwise a calm "not allowed" page. */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[]; children: ReactNode }) {
  const { data } = useMe();
  const list = Array.isArray(permission) ? permission : [permission];
  if (!list.some((p) => can(data, p))) return <NotAllowed />;
  return <>{children}</>;
}
