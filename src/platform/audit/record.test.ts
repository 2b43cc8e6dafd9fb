// The audit entry is typed per action (AuditDetails): a wrong or missing `details` is a compile error,
// checked by `tsc` (these lines would compile, and the @ts-expect-error lines fail, with a loose details type).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AUDIT_ACTIONS, AuditDetails } from './actions';
import type { AuditEntry } from './record';

describe('typed audit details', () => {
  it('accepts each action with its own details only', () => {
    const ok: AuditEntry[] = [
      { action: 'person.read', entityType: 'person', entityId: 'p', personId: 'p', details: { contactShown: true } },
      { action: 'admin.user', entityType: 'user', details: { op: 'unlock', wasLocked: true, accountWide: false } },
      { action: 'auth.login', entityType: 'user' },
      { action: 'case.read', entityType: 'case' },
    ];
    const refused: AuditEntry[] = [
      // @ts-expect-error person.read must say whether the contact details were shown
      { action: 'person.read', entityType: 'person' },
      // @ts-expect-error an op admin.unit does not have
      { action: 'admin.unit', entityType: 'unit', details: { op: 'delete' } },
      // @ts-expect-error unlock's details, not update's
      { action: 'admin.user', entityType: 'user', details: { op: 'update', wasLocked: true, accountWide: false } },
      // @ts-expect-error case.read carries no details
      { action: 'case.read', entityType: 'case', details: { anything: 1 } },
    ];
    expect(ok.length + refused.length).toBe(8);
  });

  it('gives readers the details type of an action', () => {
    expectTypeOf<AuditDetails['admin.user']['op']>().toEqualTypeOf<'create' | 'update' | 'unlock'>();
    expectTypeOf<keyof AuditDetails>().toEqualTypeOf<keyof typeof AUDIT_ACTIONS>();
  });
});
