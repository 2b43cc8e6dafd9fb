// "Erbjud": records that the contact person is offered to the person today (POST /api/orders/:id/offers). A lost
// race for the last place comes back as 409 with a message that is shown next to the button.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError, GENERIC_ERROR_MESSAGE } from '../platform/api';
import { today } from '../platform/dates';
import type { ActionNoticeApi } from '../platform/flash';
import { Button } from '../platform/ui';

export function OfferButton({ orderId, contactPerson, notice, label = 'Erbjud' }: { orderId: string; contactPerson: { id: string; name: string }; notice: ActionNoticeApi; label?: string }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const offer = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/orders/${orderId}/offers`, { body: { contactPersonId: contactPerson.id, offeredDate: today() } });
      setDone(true);
      notice.show(`${contactPerson.name} är erbjuden. Erbjudandet syns på väntelistan.`);
      void qc.invalidateQueries({ queryKey: ['matching'] });
    } catch (e) {
      setError(isApiError(e) ? e.message : GENERIC_ERROR_MESSAGE);
    } finally {
      setBusy(false);
    }
  };
  if (done) return <span>Erbjuden</span>;
  return (
    <>
      <Button variant="secondary" onPress={() => void offer()} isDisabled={busy} aria-label={`${label} ${contactPerson.name}`}>
        {label}
      </Button>
      {error && (
        <span className="field-error block" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
