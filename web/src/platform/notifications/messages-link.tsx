// The header's "Meddelanden" link with the number of unread messages, asked again on every page change. Never on a
// timer: a background poll would keep an idle session alive past its inactivity limit. The count is part of the
// link's text, so screen readers read "Meddelanden 2 olästa".
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import type { UnreadOut } from '../../../../src/platform/notifications/schema';
import { api } from '../api';

export const unreadKey = ['notifications', 'unread'] as const;

export function MessagesLink() {
  const { pathname } = useLocation();
  // A failed count (the session ended) stays quiet: the page's own requests take the user to the login page.
  const q = useQuery({ queryKey: unreadKey, queryFn: () => api<UnreadOut>('/notifications/unread', { ignoreUnauthenticated: true }) });
  const { refetch } = q;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    // The first page's count comes with the query itself; ask again on each page after it.
    if (shown.current !== null && shown.current !== pathname) void refetch();
    shown.current = pathname;
  }, [pathname, refetch]);
  const unread = q.data?.unread ?? 0;
  return (
    <RouterLink to="/meddelanden" className="header-messages">
      Meddelanden
      {unread > 0 && (
        <span className="count-badge">
          {unread}
          <span className="visually-hidden"> olästa</span>
        </span>
      )}
    </RouterLink>
  );
}
