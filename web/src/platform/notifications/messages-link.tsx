// The header's "Meddelanden" link with the number of unread messages (asked again every minute and when the window
// gets focus). The count is part of the link's text, so screen readers read "Meddelanden, 2 olästa".
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { UnreadOut } from '../../../../src/platform/notifications/schema';
import { api } from '../api';

export const unreadKey = ['notifications', 'unread'] as const;

export function MessagesLink() {
  const q = useQuery({ queryKey: unreadKey, queryFn: () => api<UnreadOut>('/notifications/unread'), refetchInterval: 60_000 });
  const unread = q.data?.unread ?? 0;
  return (
    <RouterLink to="/meddelanden" className="header-messages">
      Meddelanden
      {unread > 0 && (
        <span className="count-badge">
          <span className="visually-hidden">, </span>
          {unread}
          <span className="visually-hidden"> olästa</span>
        </span>
      )}
    </RouterLink>
  );
}
