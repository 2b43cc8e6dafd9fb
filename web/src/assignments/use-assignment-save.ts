import { useQueryClient } from '@tanstack/react-query';
import { api } from '../platform/api';
import { assignmentQueryKey, orderOffersQueryKey, type Assignment } from './api';

/** Save an action on the assignment: the answer replaces the page's data, the order's list is refreshed. */
export function useAssignmentSave(a: Assignment) {
  const qc = useQueryClient();
  return {
    save: async (path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') => {
      const out = await api<Assignment>(`/assignments/${a.id}/${path}`, { body, method });
      qc.setQueryData(assignmentQueryKey(a.id), out);
      void qc.invalidateQueries({ queryKey: orderOffersQueryKey(a.orderId) });
      return out;
    },
    reload: () => void qc.invalidateQueries({ queryKey: assignmentQueryKey(a.id) }),
  };
}
