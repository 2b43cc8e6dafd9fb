// The authorisation matrix (issue 14 item 6): every /api route × every role × the relation of the record to the
// caller, with the expected outcome. One reviewed table: docs/authorisation-matrix.md is rendered from this file
// (`authorisationMatrixMarkdown`, kept in step by a test), and src/platform/http/authorisation-matrix.db.test.ts
// calls every cell on a seeded database and compares. A route missing here fails that test.
//
// The expected outcome follows from three things declared here or in GRANTS: the route's access (declared again
// here, so a changed access shows in review), the role's scope of that permission (GRANTS) and the record the
// route concerns. Deviations from that rule are listed in EXCEPTIONS with the reason.
import { GRANTS, type Permission } from './permissions';
import { ROLES, roleLabel, type Role } from '../rules';

/**
 * What a route's record is, for scope: `none` (a list, a form, configuration: no record of a unit), `person`
 * (the municipality's register, with a protected variant), `case` (scoped by the case's unit; also decisions,
 * appeals and the answer to an order's question), `order` (orders, offers, assignments, plans and payroll notices:
 * scoped by the order's provider unit), `report` (a monthly report, by provider unit), `portal` (a contact
 * person's own assignment, report or träff), `cp-meeting` (by unit), `ivo-report` (by unit), `payroll-change`
 * (a change to payment data, by unit), `contact-person` (the register, the whole municipality's).
 */
export type RecordKind = 'none' | 'person' | 'case' | 'order' | 'report' | 'portal' | 'cp-meeting' | 'ivo-report' | 'payroll-change' | 'contact-person';

/**
 * The caller's relation to the record: `own` (their own: the handläggare responsible for the case; a contact
 * person's own assignment and reports), `unit` (the caller's unit, someone else's), `other` (another unit's or
 * another contact person's; for roles without a unit: any record), `protected` (a case or person with skyddad
 * identitet in the caller's unit), `-` (the route concerns no record).
 */
export type Relation = 'own' | 'unit' | 'other' | 'protected' | '-';

/**
 * `allowed`: past the authorisation (2xx, or a 409/422 of the use case's own rules); `shown`: allowed, and the
 * protected person's contact details may be in the answer (a grant holder with the case in scope); `403`: the role
 * lacks the permission; `404`: outside the caller's scope, answered as if it did not exist (ADR 003).
 */
export type Outcome = 'allowed' | 'shown' | '403' | '404';

export interface RouteSpec {
  access: 'public' | 'authenticated' | Permission;
  record: RecordKind;
}

export const MATRIX_ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { access: 'public', record: 'none' },
  'GET /api/openapi.json': { access: 'public', record: 'none' },
  'GET /api/auth/sign-in-options': { access: 'public', record: 'none' },
  'GET /api/auth/oidc/start': { access: 'public', record: 'none' },
  'GET /api/auth/oidc/callback': { access: 'public', record: 'none' },
  'POST /api/auth/login': { access: 'public', record: 'none' },
  'POST /api/auth/logout': { access: 'public', record: 'none' },
  'GET /api/auth/me': { access: 'authenticated', record: 'none' },
  'GET /api/auth/session': { access: 'public', record: 'none' },
  'GET /api/auth/demo-accounts': { access: 'public', record: 'none' },
  'GET /api/notifications': { access: 'authenticated', record: 'none' },
  'GET /api/notifications/unread': { access: 'authenticated', record: 'none' },
  'POST /api/notifications/:id/read': { access: 'authenticated', record: 'none' },
  'POST /api/notifications/read-all': { access: 'authenticated', record: 'none' },
  'GET /api/notifications/email': { access: 'authenticated', record: 'none' },
  'PUT /api/notifications/email': { access: 'authenticated', record: 'none' },
  'GET /api/admin/email-outbox': { access: 'admin:settings', record: 'none' },
  'POST /api/persons/search': { access: 'person:read', record: 'none' },
  'POST /api/persons': { access: 'person:write', record: 'none' },
  'GET /api/persons/:id': { access: 'person:read', record: 'person' },
  'PATCH /api/persons/:id': { access: 'person:write', record: 'person' },
  'POST /api/persons/:id/representatives': { access: 'person:write', record: 'person' },
  'PATCH /api/persons/:id/representatives/:representativeId': { access: 'person:write', record: 'person' },
  'DELETE /api/persons/:id/representatives/:representativeId': { access: 'person:write', record: 'person' },
  'POST /api/cases': { access: 'case:write', record: 'none' },
  'GET /api/cases': { access: 'case:read', record: 'none' },
  'GET /api/cases/:id': { access: 'case:read', record: 'case' },
  'POST /api/cases/:id/acknowledge': { access: 'case:write', record: 'case' },
  'POST /api/cases/:id/documentation-received': { access: 'case:write', record: 'case' },
  'POST /api/cases/:id/application': { access: 'case:write', record: 'case' },
  'POST /api/cases/:id/assign': { access: 'case:assign', record: 'case' },
  'GET /api/persons/:id/cases': { access: 'person:read', record: 'person' },
  'GET /api/cases/:id/acknowledgement-letter.pdf': { access: 'case:read', record: 'case' },
  'GET /api/cases/:id/investigation': { access: 'case:read', record: 'case' },
  'PUT /api/cases/:id/investigation': { access: 'investigation:write', record: 'case' },
  'POST /api/cases/:id/investigation/complete': { access: 'investigation:write', record: 'case' },
  'POST /api/cases/:id/investigation/bookings': { access: 'investigation:write', record: 'case' },
  'POST /api/cases/:id/investigation/bookings/:bookingId/rebook': { access: 'investigation:write', record: 'case' },
  'POST /api/cases/:id/investigation/bookings/:bookingId/cancel': { access: 'investigation:write', record: 'case' },
  'POST /api/cases/:id/investigation/bookings/:bookingId/held': { access: 'investigation:write', record: 'case' },
  'GET /api/cases/:id/investigation/utredning.pdf': { access: 'case:read', record: 'case' },
  'GET /api/cases/:id/investigation/bookings/:bookingId/kallelse.pdf': { access: 'case:read', record: 'case' },
  'GET /api/cases/:id/investigation/bookings/:bookingId/kalender.ics': { access: 'case:read', record: 'case' },
  'GET /api/cases/:id/decisions': { access: 'case:read', record: 'case' },
  'GET /api/cases/:id/legal-bases': { access: 'case:read', record: 'case' },
  'POST /api/cases/:id/decisions': { access: 'decision:make', record: 'case' },
  'POST /api/decisions/:id/successor': { access: 'decision:make', record: 'case' },
  'PUT /api/decisions/:id': { access: 'decision:make', record: 'case' },
  'POST /api/decisions/:id/approve': { access: 'decision:approve', record: 'case' },
  'POST /api/decisions/:id/return': { access: 'decision:approve', record: 'case' },
  'POST /api/decisions/:id/sent': { access: 'decision:make', record: 'case' },
  'GET /api/decisions/:id/letter.pdf': { access: 'case:read', record: 'case' },
  'POST /api/decisions/:id/appeals': { access: 'decision:make', record: 'case' },
  'PUT /api/appeals/:id': { access: 'decision:make', record: 'case' },
  'POST /api/decisions/:id/follow-ups': { access: 'decision:make', record: 'case' },
  'GET /api/decisions/approval-queue': { access: 'decision:approve', record: 'none' },
  'GET /api/decisions/follow-up': { access: 'decision:make', record: 'none' },
  'GET /api/cases/:id/order': { access: 'case:read', record: 'case' },
  'POST /api/cases/:id/order': { access: 'order:send', record: 'case' },
  'POST /api/orders/:id/answer': { access: 'order:send', record: 'case' },
  'GET /api/orders': { access: 'order:read', record: 'none' },
  'GET /api/orders/:id': { access: 'order:read', record: 'order' },
  'POST /api/orders/:id/confirm': { access: 'order:confirm', record: 'order' },
  'POST /api/orders/:id/return': { access: 'order:confirm', record: 'order' },
  'GET /api/public/contact-person-application': { access: 'public', record: 'none' },
  'POST /api/public/contact-person-application': { access: 'public', record: 'none' },
  'POST /api/public/portal/password': { access: 'public', record: 'none' },
  'GET /api/contact-persons': { access: 'contact-person:read', record: 'none' },
  'GET /api/contact-persons/reminders': { access: 'contact-person:read', record: 'none' },
  'GET /api/contact-persons/payroll': { access: 'contact-person:payment', record: 'none' },
  'GET /api/contact-persons/districts': { access: 'contact-person:read', record: 'none' },
  'POST /api/contact-persons/disposal': { access: 'contact-person:write', record: 'none' },
  'GET /api/contact-persons/:id': { access: 'contact-person:read', record: 'contact-person' },
  'PUT /api/contact-persons/:id/profile': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/interview': { access: 'contact-person:write', record: 'contact-person' },
  'GET /api/contact-persons/:id/interview.ics': { access: 'contact-person:read', record: 'contact-person' },
  'POST /api/contact-persons/:id/steps/:kind': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/references': { access: 'contact-person:write', record: 'contact-person' },
  'PUT /api/contact-persons/:id/references/:referenceId': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/register-checks': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/check-validity': { access: 'contact-person:read', record: 'contact-person' },
  'POST /api/contact-persons/:id/approve': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/end': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/pauses': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/pauses/end': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/contact': { access: 'contact-person:write', record: 'contact-person' },
  'POST /api/contact-persons/:id/portal-invite': { access: 'contact-person:write', record: 'contact-person' },
  'GET /api/contact-persons/:id/payment': { access: 'authenticated', record: 'contact-person' },
  'PUT /api/contact-persons/:id/payment': { access: 'authenticated', record: 'contact-person' },
  'GET /api/admin/contact-person-settings': { access: 'admin:settings', record: 'none' },
  'PUT /api/admin/contact-person-settings': { access: 'admin:settings', record: 'none' },
  'GET /api/admin/cp-districts': { access: 'admin:settings', record: 'none' },
  'POST /api/admin/cp-districts': { access: 'admin:settings', record: 'none' },
  'PATCH /api/admin/cp-districts/:id': { access: 'admin:settings', record: 'none' },
  'GET /api/admin/check-rules': { access: 'admin:settings', record: 'none' },
  'POST /api/admin/check-rules': { access: 'admin:settings', record: 'none' },
  'GET /api/admin/rates': { access: 'admin:rates', record: 'none' },
  'GET /api/payroll/rates': { access: 'payroll:read', record: 'none' },
  'POST /api/admin/rates': { access: 'admin:rates', record: 'none' },
  'PATCH /api/admin/rates/:year': { access: 'admin:rates', record: 'none' },
  'POST /api/admin/rates/:year/levels': { access: 'admin:rates', record: 'none' },
  'PATCH /api/admin/rate-levels/:id': { access: 'admin:rates', record: 'none' },
  'DELETE /api/admin/rate-levels/:id': { access: 'admin:rates', record: 'none' },
  'GET /api/orders/:orderId/plan': { access: 'assignment:read', record: 'order' },
  'POST /api/orders/:orderId/plan': { access: 'assignment:write', record: 'order' },
  'GET /api/orders/:orderId/plan/versions/:planVersion': { access: 'assignment:read', record: 'order' },
  'GET /api/orders/:orderId/plan/versions/:planVersion/pdf': { access: 'assignment:read', record: 'order' },
  'POST /api/assignments/:id/payroll-notice': { access: 'assignment:write', record: 'order' },
  'GET /api/payroll-notices': { access: 'payroll:read', record: 'none' },
  'GET /api/payroll-notices/export.csv': { access: 'payroll:read', record: 'none' },
  'GET /api/payroll-notices/:id': { access: 'payroll:read', record: 'order' },
  'GET /api/payroll-notices/:id/pdf': { access: 'payroll:read', record: 'order' },
  'GET /api/contact-persons/:id/contacts': { access: 'contact-person:read', record: 'contact-person' },
  'POST /api/contact-persons/:id/contacts': { access: 'contact-person:write', record: 'contact-person' },
  'GET /api/orders/:orderId/offers': { access: 'assignment:read', record: 'order' },
  'POST /api/offers/:id/answer': { access: 'assignment:write', record: 'order' },
  'POST /api/offers/:id/close': { access: 'assignment:write', record: 'order' },
  'POST /api/offers/:id/meetings': { access: 'assignment:write', record: 'order' },
  'GET /api/offers/:id/meetings/:meetingId/kalender.ics': { access: 'assignment:read', record: 'order' },
  'POST /api/offers/:id/outcome': { access: 'assignment:write', record: 'order' },
  'POST /api/offers/:id/assignment': { access: 'assignment:write', record: 'order' },
  'GET /api/assignments/:id': { access: 'assignment:read', record: 'order' },
  'GET /api/assignments/:id/uppdragsavtal.pdf': { access: 'assignment:read', record: 'order' },
  'GET /api/assignments/:id/forordnande.pdf': { access: 'assignment:read', record: 'order' },
  'PUT /api/assignments/:id/agreement': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/signatures': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/appointment': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/start': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/interruptions': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/resume': { access: 'assignment:write', record: 'order' },
  'POST /api/assignments/:id/end': { access: 'assignment:write', record: 'order' },
  'GET /api/cases/:id/execution': { access: 'case:read', record: 'case' },
  'GET /api/portal/start': { access: 'portal:read', record: 'none' },
  'GET /api/portal/assignments/:id': { access: 'portal:read', record: 'portal' },
  'POST /api/portal/assignments/:id/reports': { access: 'report:write', record: 'portal' },
  'GET /api/portal/reports/:id': { access: 'portal:read', record: 'portal' },
  'PUT /api/portal/reports/:id': { access: 'report:write', record: 'portal' },
  'GET /api/portal/reports/:id/receipts/:receiptId': { access: 'portal:read', record: 'portal' },
  'GET /api/reports/queue': { access: 'report:approve', record: 'none' },
  'GET /api/reports/due': { access: 'report:read', record: 'none' },
  'GET /api/reports/:id': { access: 'report:read', record: 'report' },
  'POST /api/reports/:id/approve': { access: 'report:approve', record: 'report' },
  'POST /api/reports/:id/return': { access: 'report:approve', record: 'report' },
  'GET /api/reports/:id/receipts/:receiptId': { access: 'report:read', record: 'report' },
  'GET /api/admin/portal-settings': { access: 'admin:settings', record: 'none' },
  'PUT /api/admin/portal-settings': { access: 'admin:settings', record: 'none' },
  'GET /api/payroll/months': { access: 'payroll:manage', record: 'none' },
  'POST /api/payroll/months': { access: 'payroll:manage', record: 'none' },
  'GET /api/payroll/months/:month': { access: 'payroll:manage', record: 'none' },
  'POST /api/payroll/months/:month/lock': { access: 'payroll:manage', record: 'none' },
  'GET /api/payroll/months/:month/export.csv': { access: 'payroll:manage', record: 'none' },
  'GET /api/payroll/months/:month/export.xlsx': { access: 'payroll:manage', record: 'none' },
  'GET /api/payroll/settings': { access: 'payroll:manage', record: 'none' },
  'PUT /api/payroll/settings': { access: 'payroll:manage', record: 'none' },
  'GET /api/payroll/changes': { access: 'payroll:control', record: 'none' },
  'POST /api/payroll/changes/:id/review': { access: 'payroll:control', record: 'payroll-change' },
  'GET /api/cp-meetings': { access: 'cp-meeting:read', record: 'none' },
  'POST /api/cp-meetings': { access: 'cp-meeting:write', record: 'none' },
  'GET /api/cp-meetings/:id': { access: 'cp-meeting:read', record: 'cp-meeting' },
  'PUT /api/cp-meetings/:id': { access: 'cp-meeting:write', record: 'cp-meeting' },
  'POST /api/cp-meetings/:id/cancel': { access: 'cp-meeting:write', record: 'cp-meeting' },
  'PUT /api/cp-meetings/:id/attendance': { access: 'cp-meeting:write', record: 'cp-meeting' },
  'GET /api/cp-meetings/:id/kalender.ics': { access: 'cp-meeting:read', record: 'cp-meeting' },
  'GET /api/portal/meetings': { access: 'portal:read', record: 'none' },
  'GET /api/portal/meetings/:id/kalender.ics': { access: 'portal:read', record: 'portal' },
  'GET /api/matching/waiting-list': { access: 'assignment:read', record: 'none' },
  'GET /api/orders/:orderId/candidates': { access: 'assignment:read', record: 'order' },
  'GET /api/orders/:orderId/candidates/:contactPersonId': { access: 'assignment:read', record: 'order' },
  'POST /api/matching/proposal': { access: 'assignment:write', record: 'none' },
  'POST /api/orders/:orderId/offers': { access: 'assignment:write', record: 'order' },
  'GET /api/admin/matching-settings': { access: 'admin:settings', record: 'none' },
  'PUT /api/admin/matching-settings': { access: 'admin:settings', record: 'none' },
  'GET /api/admin/units': { access: 'admin:units', record: 'none' },
  'POST /api/admin/units': { access: 'admin:units', record: 'none' },
  'PATCH /api/admin/units/:id': { access: 'admin:units', record: 'none' },
  'GET /api/admin/users': { access: 'admin:users', record: 'none' },
  'POST /api/admin/users': { access: 'admin:users', record: 'none' },
  'PATCH /api/admin/users/:id': { access: 'admin:users', record: 'none' },
  'POST /api/admin/users/:id/unlock': { access: 'admin:users', record: 'none' },
  'PUT /api/admin/users/:id/protected-identity/:unitId': { access: 'admin:users', record: 'none' },
  'DELETE /api/admin/users/:id/protected-identity/:unitId': { access: 'admin:users', record: 'none' },
  'GET /api/admin/legal-bases': { access: 'admin:legal-bases', record: 'none' },
  'POST /api/admin/legal-bases': { access: 'admin:legal-bases', record: 'none' },
  'PATCH /api/admin/legal-bases/:id': { access: 'admin:legal-bases', record: 'none' },
  'GET /api/admin/municipality': { access: 'admin:settings', record: 'none' },
  'PUT /api/admin/municipality': { access: 'admin:settings', record: 'none' },
  'GET /api/staff': { access: 'staff:read', record: 'none' },
  'POST /api/audit/search': { access: 'audit:read', record: 'none' },
  'GET /api/ivo/quarters/:quarter': { access: 'ivo:read', record: 'none' },
  'PUT /api/ivo/reports/:id': { access: 'ivo:write', record: 'ivo-report' },
  'POST /api/ivo/reports/:id/submit': { access: 'ivo:submit', record: 'ivo-report' },
  'GET /api/ivo/quarters/:quarter/export.csv': { access: 'ivo:read', record: 'none' },
  'GET /api/ivo/quarters/:quarter/export.xlsx': { access: 'ivo:read', record: 'none' },
  'GET /api/ivo/quarters/:quarter/export.pdf': { access: 'ivo:read', record: 'none' },
  'GET /api/ivo/quarters/:quarter/statistics.csv': { access: 'ivo:read', record: 'none' },
  'GET /api/ivo/quarters/:quarter/statistics.pdf': { access: 'ivo:read', record: 'none' },
  'GET /api/oversight/disposal': { access: 'disposal:run', record: 'none' },
  'PUT /api/oversight/disposal/rules/:recordType': { access: 'disposal:run', record: 'none' },
  'POST /api/oversight/disposal/run': { access: 'disposal:run', record: 'none' },
  'POST /api/oversight/reassign/cases': { access: 'case:assign', record: 'none' },
  'POST /api/oversight/reassign': { access: 'case:assign', record: 'none' },
  'POST /api/oversight/merge-persons': { access: 'person:merge', record: 'none' },
  'GET /api/audit/units': { access: 'audit:read', record: 'none' },
  'POST /api/audit/export.csv': { access: 'audit:read', record: 'none' },
  'POST /api/audit/unusual': { access: 'audit:read', record: 'none' },
  'POST /api/audit/unusual/sign-off': { access: 'audit:review', record: 'none' },
  'GET /api/audit/mass-read-settings': { access: 'authenticated', record: 'none' },
  'PUT /api/admin/mass-read-settings': { access: 'admin:settings', record: 'none' },
  'GET /api/persons/:id/register-extract.json': { access: 'gdpr:extract', record: 'person' },
  'GET /api/persons/:id/register-extract.pdf': { access: 'gdpr:extract', record: 'person' },
  'GET /api/oversight/dashboard': { access: 'dashboard:read', record: 'none' },
  'GET /api/oversight/overdue': { access: 'dashboard:read', record: 'none' },
  'GET /api/oversight/lss-statistics.csv': { access: 'statistics:lss', record: 'none' },
  'GET /api/import/jobs': { access: 'import:run', record: 'none' },
  'GET /api/import/jobs/:id': { access: 'import:run', record: 'none' },
  'GET /api/import/progress/:token': { access: 'import:run', record: 'none' },
  'POST /api/portal/reports/:id/receipts': { access: 'report:write', record: 'portal' },
  'POST /api/import/check': { access: 'import:run', record: 'none' },
  'POST /api/import/jobs/:id/commit': { access: 'import:run', record: 'none' },
};

/** The relations each role is called in (the fixture has a caller of that role in each). */
export const ROLE_RELATIONS: Record<Role, readonly Relation[]> = {
  handlaggare: ['own', 'unit', 'other', 'protected'],
  kontaktsekreterare: ['unit', 'other', 'protected'],
  enhetschef: ['unit', 'other', 'protected'],
  administrator: ['other', 'protected'],
  lon: ['other', 'protected'],
  revisor: ['other', 'protected'],
  kontaktperson: ['own', 'other'],
};

/** Which roles hold the skyddad identitet grant for their unit in the fixture (the protected relation's caller). */
export const PROTECTED_GRANT_HOLDERS: readonly Role[] = ['enhetschef'];

/** Does the route have a protected variant (a person with skyddad identitet, or their case)? */
export function hasProtectedVariant(key: string): boolean {
  const url = key.split(' ')[1];
  return /^\/api\/persons\/:id/.test(url) || /^\/api\/cases\/:id/.test(url);
}

/** The relations a route is called in for a role. */
export function relationsOf(key: string, role: Role): Relation[] {
  const spec = MATRIX_ROUTES[key];
  if (spec.record === 'none' || spec.record === 'contact-person') return ['-'];
  return ROLE_RELATIONS[role].filter((r) => r !== 'protected' || hasProtectedVariant(key));
}

/**
 * Where the rule below does not give the answer, and why: `key → role → relation → outcome` ('*' for every
 * relation). Each entry is a decision of its own, in the code named.
 */
const notTheirs = { '*': '403' } as const;
/** Bank and tax details: open to every signed-in user at the gate, read and written only with contact-person:payment (lön) or contact-person:write (the kontaktsekreterare), checked in the use case (src/contact-persons/payment-details.ts). */
const paymentDetails = { handlaggare: notTheirs, enhetschef: notTheirs, administrator: notTheirs, revisor: notTheirs, kontaktperson: notTheirs };
/** Changing a protected person's contact details, or their representatives, takes the skyddad identitet grant (docs/permissions.md): a colleague without it gets 403. */
const protectedChange = { handlaggare: { protected: '403' } } as const;

export const EXCEPTIONS: Record<string, Partial<Record<Role, Partial<Record<Relation | '*', Outcome>>>>> = {
  'GET /api/contact-persons/:id/payment': paymentDetails,
  'PUT /api/contact-persons/:id/payment': paymentDetails,
  'PATCH /api/persons/:id': protectedChange,
  'POST /api/persons/:id/representatives': protectedChange,
  'PATCH /api/persons/:id/representatives/:representativeId': protectedChange,
  'DELETE /api/persons/:id/representatives/:representativeId': protectedChange,
  // Matching ranks contact persons from the register, so it also takes contact-person:read (src/matching/rank-candidates.ts):
  // the enhetschef, who reads assignments, does not see the candidates.
  'GET /api/orders/:orderId/candidates': { enhetschef: notTheirs },
  'GET /api/orders/:orderId/candidates/:contactPersonId': { enhetschef: notTheirs },
  // Single sign-on is off in the test (no OIDC_ISSUER): its start answers 404 OIDC_NOT_CONFIGURED to everyone.
  'GET /api/auth/oidc/start': Object.fromEntries(ROLES.map((r) => [r, { '-': '404' }])),
  // A message is only ever its reader's own: the fixture's message is the contact person's, anyone else's is 404.
  'POST /api/notifications/:id/read': Object.fromEntries(ROLES.filter((r) => r !== 'kontaktperson').map((r) => [r, { '-': '404' }])),
  // A change to bank details belongs to no unit: every payroll:control holder reviews it, the other unit's enhetschef too
  // (docs/permissions.md: "the municipality-wide ones").
  'POST /api/payroll/changes/:id/review': { enhetschef: { other: 'allowed' } },
  // The fixture has no unusual read to sign off: the finding is looked up again within the caller's scope and is not
  // found (AUDIT_FINDING_NOT_FOUND); src/oversight/audit-unusual.db.test.ts signs real findings off.
  'POST /api/audit/unusual/sign-off': { enhetschef: { '-': '404' } },
};

/** The expected outcome of one cell. */
export function expectedOutcome(key: string, role: Role, relation: Relation): Outcome {
  const exception = EXCEPTIONS[key]?.[role];
  const named = exception?.[relation] ?? exception?.['*'];
  if (named) return named;
  const spec = MATRIX_ROUTES[key];
  if (spec.access === 'public' || spec.access === 'authenticated') return 'allowed';
  const scope = GRANTS[role][spec.access];
  if (!scope) return '403';
  if (relation === '-' || scope === 'all') return relation === 'protected' && shows(role) ? 'shown' : 'allowed';
  if (scope === 'own') return relation === 'own' ? 'allowed' : '404';
  // unit
  if (relation === 'other') return '404';
  return relation === 'protected' && shows(role) ? 'shown' : 'allowed';
}

function shows(role: Role): boolean {
  return PROTECTED_GRANT_HOLDERS.includes(role);
}

export function matrixCells(): { key: string; role: Role; relation: Relation; outcome: Outcome }[] {
  return Object.keys(MATRIX_ROUTES).flatMap((key) => ROLES.flatMap((role) => relationsOf(key, role).map((relation) => ({ key, role, relation, outcome: expectedOutcome(key, role, relation) }))));
}

const RELATION_SV: Record<Relation, string> = { own: 'egen', unit: 'enheten', other: 'annan', protected: 'skyddad', '-': '' };
const OUTCOME_SV: Record<Outcome, string> = { allowed: '✓', shown: '✓ visas', '403': '403', '404': '404' };

/** docs/authorisation-matrix.md's table: one row per route, one column per role; a cell lists relation: outcome. */
export function authorisationMatrixMarkdown(): string {
  const head = `| anrop | behörighet | post | ${ROLES.map((r) => roleLabel[r]).join(' | ')} |`;
  const sep = `|---|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = Object.entries(MATRIX_ROUTES).map(([key, spec]) => {
    const cells = ROLES.map((role) => {
      const parts = relationsOf(key, role).map((rel) => ({ rel, out: OUTCOME_SV[expectedOutcome(key, role, rel)] }));
      if (parts.every((p) => p.out === parts[0].out)) return parts[0].out;
      return parts.map((p) => `${RELATION_SV[p.rel]} ${p.out}`).join(' · ');
    });
    return `| \`${key}\` | ${spec.access} | ${spec.record} | ${cells.join(' | ')} |`;
  });
  return [head, sep, ...rows].join('\n');
}
