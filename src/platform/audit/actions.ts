// Audit action names and their Swedish labels. Pure: shared by the server and the loggkontroll page.
export const AUDIT_ACTIONS = {
  'auth.login': 'Loggade in',
  'auth.login_failed': 'Misslyckad inloggning',
  'auth.logout': 'Loggade ut',
  'auth.oidc_login': 'Loggade in med kommunens konto',
  'auth.oidc_login_failed': 'Misslyckad inloggning med kommunens konto',
  'person.search': 'Sökte person',
  'person.read': 'Läste personuppgifter',
  'person.create': 'Registrerade person',
  'person.update': 'Ändrade personuppgifter',
  'person.protected_contact_revealed': 'Visade skyddade kontaktuppgifter',
  'representative.create': 'Lade till företrädare',
  'representative.update': 'Ändrade företrädare',
  'representative.delete': 'Tog bort företrädare',
  'case.list': 'Visade ärendelista',
  'case.read': 'Läste ärende',
  'case.create': 'Registrerade ansökan eller aktualisering',
  'case.acknowledge': 'Bekräftade ansökan',
  'case.documentation_received': 'Registrerade mottaget underlag',
  'case.application_recorded': 'Registrerade ansökan efter aktualisering',
  'case.assign': 'Bytte ansvarig handläggare',
  'letter.acknowledgement': 'Skapade bekräftelsebrev',
  'investigation.read': 'Läste utredning',
  'investigation.book': 'Bokade utredning',
  'investigation.rebook': 'Bokade om utredning',
  'investigation.cancel_booking': 'Avbokade utredning',
  'investigation.booking_held': 'Registrerade att utredningsmötet är genomfört',
  'investigation.save': 'Sparade utredning',
  'investigation.complete': 'Klarmarkerade utredning',
  'investigation.calendar_file': 'Hämtade kalenderfil för utredningsmöte',
  'letter.investigation_summons': 'Skapade kallelse till utredning',
  'letter.investigation_record': 'Skapade utredning (PDF)',
  'audit.search': 'Sökte i loggen',
  // Oversight: dashboard, overdue list, statistics files (issue 13)
  'dashboard.read': 'Visade nyckeltal (översikt)',
  'overdue.read': 'Visade förseningslistan',
  'statistics.lss_file': 'Skapade LSS-statistikfil till Socialstyrelsen',
  'decision.read': 'Läste beslut',
  'decision.list': 'Visade beslutslista',
  'decision.make': 'Fattade eller förberedde beslut',
  'decision.revise': 'Ändrade beslut som skickats tillbaka',
  'decision.approve': 'Godkände beslut',
  'decision.return': 'Skickade tillbaka beslut till handläggaren',
  'decision.sent': 'Registrerade att beslutet skickats',
  'letter.decision': 'Skapade beslutsbrev',
  'appeal.create': 'Registrerade överklagande',
  'appeal.update': 'Ändrade överklagande',
  'follow_up.create': 'Registrerade uppföljning',
  'admin.unit': 'Ändrade enhet',
  'admin.user': 'Ändrade användare',
  'admin.protected_identity_grant': 'Gav behörighet till skyddad identitet',
  'admin.protected_identity_revoke': 'Tog bort behörighet till skyddad identitet',
  'admin.legal_basis': 'Ändrade rättslig grund',
  'admin.municipality': 'Ändrade kommunens inställningar',
  'order.send': 'Skickade beställning',
  'order.read': 'Läste beställning',
  'order.list': 'Visade beställningar',
  'order.confirm': 'Bekräftade att beställningen är mottagen',
  'order.return': 'Återsände beställning med fråga',
  'order.answer': 'Besvarade fråga om beställning och skickade den igen',
  // Contact-person register (issue 10)
  'contact_person.apply': 'Ansökan om att bli kontaktperson kom in',
  'contact_person.list': 'Visade kontaktpersonsregistret',
  'contact_person.read': 'Läste kontaktperson',
  'contact_person.change': 'Ändrade kontaktperson',
  'contact_person.calendar': 'Hämtade kalenderfil för intervju',
  'contact_person.check_validity': 'Prövade registerkontroll mot ett uppdrag',
  'contact_person.reminders': 'Visade påminnelser om kontaktpersoner',
  'contact_person.payment_read': 'Läste bank- och skatteuppgifter',
  'contact_person.payment_update': 'Ändrade bank- och skatteuppgifter',
  'contact_person.disposal': 'Gallrade ansökningar',
  'contact_person.portal_invite': 'Bjöd in kontaktperson till portalen',
  'contact_person.portal_password_set': 'Kontaktperson valde lösenord till portalen',
  'admin.check_rule': 'Lade till regel för registerkontroll',
  'admin.contact_person_settings': 'Ändrade inställningar för kontaktpersonsregistret',
  'admin.cp_district': 'Ändrade område',
  'offer.list': 'Visade erbjudanden och uppdrag för en beställning',
  'offer.answer': 'Registrerade personens svar på erbjudande',
  'offer.close': 'Avslutade erbjudande',
  'offer.meeting_book': 'Bokade matchningsmöte',
  'offer.meeting_outcome': 'Registrerade matchningsmötets utfall',
  'offer.calendar_file': 'Hämtade kalenderfil för matchningsmöte',
  'assignment.create': 'Gjorde uppdragsavtal',
  'assignment.read': 'Läste uppdrag',
  'assignment.agreement': 'Ändrade villkor i uppdragsavtal',
  'assignment.sign': 'Registrerade underskrift av uppdragsavtal',
  'assignment.appoint': 'Registrerade förordnande av kontaktperson',
  'assignment.document': 'Skrev ut uppdragsavtal eller förordnande',
  'assignment.start': 'Verkställde uppdrag',
  'assignment.interrupt': 'Registrerade avbrott i uppdrag',
  'assignment.resume': 'Återupptog uppdrag',
  'assignment.end': 'Avslutade uppdrag',
  'assignment.case_read': 'Visade verkställighet i ärendet',
  // Rates, payroll notices, genomförandeplan, contact log (issue 11)
  'admin.rate_year': 'Ändrade arvodestabell för ett år',
  'admin.rate_level': 'Ändrade nivå i arvodestabellen',
  'payroll_notice.send': 'Skickade anställningsuppgifter till lön',
  'payroll_notice.read': 'Läste anställningsuppgifter',
  'plan.read': 'Läste genomförandeplan',
  'plan.save': 'Sparade genomförandeplan',
  'plan.pdf': 'Skapade genomförandeplan (PDF)',
  'contact_log.read': 'Läste kontakter med kontaktperson',
  'contact_log.create': 'Registrerade kontakt med kontaktperson',
  // Matching (issue 11)
  'matching.waiting_list': 'Visade väntelistan',
  'matching.candidates': 'Visade kandidater för en beställning',
  'matching.why_not': 'Frågade varför en kontaktperson inte föreslås',
  'matching.proposal': 'Tog fram förslag för hela väntelistan',
  'offer.create': 'Erbjöd en kontaktperson',
  'admin.matching_settings': 'Ändrade vikter för matchning',
  // Notifications and kontaktpersonsträffar (issue 12)
  'notification.email_preference': 'Ändrade sitt val av e-post för meddelanden',
  'notification.outbox_read': 'Visade e-post som skickats eller väntar',
  'cp_meeting.list': 'Visade kontaktpersonsträffar',
  'cp_meeting.read': 'Läste kontaktpersonsträff med inbjudna',
  'cp_meeting.schedule': 'Planerade kontaktpersonsträff och bjöd in',
  'cp_meeting.change': 'Ändrade kontaktpersonsträff',
  'cp_meeting.cancel': 'Ställde in kontaktpersonsträff',
  'cp_meeting.attendance': 'Registrerade närvaro på kontaktpersonsträff',
  'cp_meeting.calendar_file': 'Hämtade kalenderfil för kontaktpersonsträff',
  'cp_meeting.portal_list': 'Kontaktperson visade sina kontaktpersonsträffar',
  // Payroll month and internal control of payments (issue 12)
  'payroll.month_open': 'Öppnade lönemånad',
  'payroll.month_read': 'Visade lönemånad',
  'payroll.month_lock': 'Låste lönemånad',
  'payroll.export': 'Hämtade lönefil',
  'payroll.settings': 'Ändrade löneinställningar',
  'payroll.changes_read': 'Visade ändringar av betalningsuppgifter',
  'payroll.change_review': 'Markerade ändring av betalningsuppgifter som granskad',
  // The IVO report of unexecuted decisions (issue 13 item 1)
  'ivo.quarter_read': 'Visade IVO-rapporten för ett kvartal',
  'ivo.report_update': 'Skrev konsekvenser i en IVO-rapport',
  'ivo.report_submit': 'Markerade en IVO-rapport som inrapporterad',
  'ivo.quarter_freeze': 'Kvartalets IVO-rapporter låstes',
  'ivo.export': 'Hämtade IVO-rapporten som fil',
  'ivo.statistics': 'Hämtade statistikrapporten till nämnden',
  'ivo.stand_in': 'Gav en person ett ersättnings-id för IVO',
  // The contact persons' portal and monthly reports (issue 12)
  'portal.start': 'Kontaktperson öppnade portalens startsida',
  'portal.assignment_read': 'Kontaktperson läste sitt uppdrag i portalen',
  'portal.denied': 'Kontaktperson försökte öppna något som inte är hens',
  'report.read': 'Läste månadsrapport',
  'report.create': 'Påbörjade månadsrapport',
  'report.save': 'Sparade månadsrapport',
  'report.submit': 'Skickade in månadsrapport',
  'report.approve': 'Godkände månadsrapport',
  'report.return': 'Återsände månadsrapport för komplettering',
  'report.queue': 'Visade månadsrapporter att godkänna',
  'report.due': 'Visade månadsrapporter som inte har kommit in',
  'report.receipt_upload': 'Laddade upp kvitto',
  'report.receipt_read': 'Öppnade kvitto',
  'admin.portal_settings': 'Ändrade inställningar för portalen',
  // Disposal, bulk reassignment and person merge (issue 13 items 6, 7)
  'disposal.run': 'Gallrade ärenden och personer (eller provkörde gallring)',
  'disposal.rule': 'Ändrade regel för gallring',
  'case.reassign': 'Flyttade ärende till annan handläggare',
  'person.merge': 'Slog ihop dubbelregistrerad person',
  // Loggkontroll and the register extract (issue 13 items 4 and 5)
  'audit.export': 'Hämtade loggposter som fil',
  'audit.unusual_list': 'Visade avvikande läsningar i loggen',
  'audit.sign_off': 'Markerade avvikande läsning som granskad',
  'admin.audit_review_settings': 'Ändrade gränsen för många läsningar på kort tid',
  'gdpr.extract': 'Tog fram registerutdrag',
  // Import from the old system (issue 14 item 11)
  'import.check': 'Provkörde import från det gamla systemet',
  'import.commit': 'Importerade fil från det gamla systemet',
  'person.import': 'Person skapad genom import',
  'contact_person.import': 'Kontaktperson skapad genom import',
  'decision.import': 'Ärende och beslut skapade genom import',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/**
 * What each action writes in `details`, so the readers (IVO report, GDPR extract, loggkontroll) get types.
 * Never personal data: ids, field names, counts, codes. `undefined` means the action carries no details.
 * Add an action here and in AUDIT_ACTIONS together (the type below refuses one without the other).
 */
export interface AuditDetails {
  'auth.login': { failedAttemptsBefore: number } | undefined;
  'auth.login_failed':
    | { reason: 'inactive' | 'unknown_user' }
    | { reason: 'local_passwords_off' }
    | { reason: 'account_locked' | 'address_locked'; passwordCorrect: true }
    | { reason: 'account_locked' | 'address_locked' | 'password'; addressLocked: boolean; accountLocked: boolean; addresses: number };
  'auth.logout': undefined;
  'auth.oidc_login': { created: boolean; linked: boolean; role: string; unitId: string | null; changed: string[] };
  'auth.oidc_login_failed': { reason: 'checks' | 'provider' | 'no_role' | 'no_unit' | 'inactive' | 'username_taken' | 'expired' };
  'person.search': undefined;
  'person.read': { contactShown: boolean };
  'person.create': { idKind: 'personnummer' | 'samordningsnummer' | 'reservnummer' };
  'person.update': { changed: string[] };
  'person.protected_contact_revealed': { via: 'person' | 'letter'; caseId: string; unitId: string };
  'representative.create': { kind: string };
  'representative.update': undefined;
  'representative.delete': { kind: string };
  'case.list': undefined;
  'case.read': undefined;
  'case.create': { route: string; referral: boolean };
  'case.acknowledge': { fields: string[]; method: string; documentation: string | null };
  'case.documentation_received': { fields: string[] };
  'case.application_recorded': { fields: string[] };
  'case.assign': { fields: string[]; from: string; to: string };
  'letter.acknowledgement': { addressPrinted: boolean };
  'decision.read': undefined;
  'decision.list': { list: 'approval_queue' | 'follow_up' };
  'decision.make': { outcome: string; legalBasis: string; state: string; needsApproval: boolean; previousDecisionId: string | null; succession: string | null };
  'decision.revise': { fields: string[]; state: string };
  'decision.approve': { caseId: string };
  'decision.return': { caseId: string };
  'decision.sent': { fields: string[] };
  'letter.decision': { addressPrinted: boolean; appealRoute: string | null };
  'appeal.create': { decisionId: string; timely: boolean | null };
  'appeal.update': { fields: string[]; outcome: string | null; newDecisionId: string | null };
  'follow_up.create': { decisionId: string; result: string };
  'investigation.read': undefined;
  'investigation.book': { bookingId: string; kind: string };
  'investigation.rebook': { bookingId: string; replacedById: string; kind: string };
  'investigation.cancel_booking': { bookingId: string };
  'investigation.booking_held': { bookingId: string };
  'investigation.save': { fields: string[]; created: boolean };
  'investigation.complete': { warnings: string[] };
  'investigation.calendar_file': { bookingId: string };
  'letter.investigation_summons': { bookingId: string; addressPrinted: boolean };
  'letter.investigation_record': { warnings: number };
  'audit.search': { byPerson: boolean; byUser: boolean; byUnit?: boolean; from: string | null; to: string | null };
  'audit.export': { byPerson: boolean; byUser: boolean; byUnit: boolean; from: string | null; to: string | null; rows: number };
  'audit.unusual_list': { from: string; to: string; found: number };
  'audit.sign_off': { kind: string; auditId: number; signOffId: string };
  'admin.audit_review_settings': { fields: string[] };
  /** The extract of a person's data: which format and how many rows of each kind it held (counts only). */
  'gdpr.extract': { format: 'json' | 'pdf'; counts: Record<string, number> };
  'dashboard.read': { unitId: string | null; route: 'LSS' | 'SOL' | null; from: string; to: string };
  /** The list, with how many items of each kind it has; then one entry (no details) per case it shows. */
  'overdue.read': { counts: Record<string, number> } | undefined;
  'statistics.lss_file': { referenceDate: string; rows: number; layout: string };
  'admin.unit': { op: 'create' } | { op: 'update'; fields: string[] };
  'admin.user':
    | { op: 'create'; role: string; via?: 'cli' }
    | { op: 'update'; role: string; active: boolean; passwordReset: boolean }
    | { op: 'unlock'; wasLocked: boolean; accountWide: boolean };
  'admin.protected_identity_grant': { unitId: string };
  'admin.protected_identity_revoke': { unitId: string; reason?: 'user_changed' };
  'admin.legal_basis': { op: 'create' | 'update'; code: string };
  'admin.municipality': { fields: string[] };
  'order.send': { caseId: string; decisionId: string; providerUnitId: string };
  'order.read': { via: 'inbox' | 'case' };
  'order.list': undefined;
  'order.confirm': { fields: string[]; overdue: boolean };
  'order.return': { fields: string[] };
  'order.answer': { fields: string[] };
  'contact_person.apply': { duplicate: boolean };
  'contact_person.list': { filters: string[] } | undefined;
  'contact_person.read': undefined;
  'contact_person.change': { step: string; fields: string[]; outcome?: string };
  'contact_person.calendar': undefined;
  'contact_person.check_validity': { ok: boolean; reason: string; activity: string };
  'contact_person.reminders': { count: number };
  'contact_person.payment_read': { registered: boolean };
  'contact_person.payment_update': { created: boolean };
  'contact_person.disposal': {
    dryRun: boolean;
    months: number;
    cutoff: string;
    count: number;
    declined: number;
    withdrawn: number;
    steps: number;
    references: number;
    registerChecks: number;
    pauses: number;
    paymentDetails: number;
    portalInvites: number;
  };
  'contact_person.portal_invite': undefined;
  'contact_person.portal_password_set': undefined;
  'admin.check_rule': { law: string; validFrom: string };
  'admin.contact_person_settings': { fields: string[] };
  'admin.cp_district': { op: 'create' | 'update' };
  'offer.list': { orderId: string };
  'offer.answer': { response: 'accepted' | 'declined' };
  'offer.close': { reason: string };
  'offer.meeting_book': { meetingId: string; rebooked: boolean };
  'offer.meeting_outcome': { outcome: string };
  'offer.calendar_file': { meetingId: string };
  'assignment.create': { offerId: string; rateLevel: string };
  'assignment.read': undefined;
  'assignment.agreement': { fields: string[] };
  'assignment.sign': { fields: string[] };
  'assignment.appoint': undefined;
  'assignment.document': { document: 'uppdragsavtal' | 'forordnande' };
  'assignment.start': { decisionId: string };
  'assignment.interrupt': { interruptionId: string };
  'assignment.resume': { interruptionId: string };
  'assignment.end': { reason: string; endsDecision: boolean };
  'assignment.case_read': { count: number };
  'admin.rate_year': { op: 'create' | 'update'; year: number; copiedFrom?: number | null; reason?: string };
  'admin.rate_level': { op: 'create' | 'update' | 'delete'; year: number; code: string; fields?: string[]; reason?: string };
  'payroll_notice.send': { assignmentId: string; sentDate: string };
  'payroll_notice.read': { assignmentId: string; format: 'json' | 'list' | 'pdf' | 'csv'; paymentShown: boolean };
  'plan.read': { decisionId: string; planVersion: number | null };
  'plan.save': { decisionId: string; planVersion: number };
  'plan.pdf': { decisionId: string; planVersion: number };
  'contact_log.read': { count: number };
  'contact_log.create': { kind: string; assignmentId: string | null };
  'matching.waiting_list': undefined;
  'matching.candidates': { considered: number; shown: number } | undefined;
  'matching.why_not': { excluded: boolean } | undefined;
  'matching.proposal': { orders: number; pairs: number; unmatched: number } | undefined;
  'offer.create': { orderId: string; contactPersonId: string };
  'admin.matching_settings': { fields: string[] };
  'notification.email_preference': { emailEnabled: boolean };
  'notification.outbox_read': { count: number };
  'cp_meeting.list': { count: number };
  'cp_meeting.read': { meetingId: string };
  'cp_meeting.schedule': { invited: number; notified: number };
  'cp_meeting.change': { fields: string[]; notified: number };
  'cp_meeting.cancel': { notified: number };
  'cp_meeting.attendance': { meetingId: string; attended: boolean | null };
  'cp_meeting.calendar_file': undefined;
  'cp_meeting.portal_list': { count: number };
  'payroll.month_open': { month: string };
  'payroll.month_read': { month: string; assignmentId: string; kind: 'regular' | 'correction'; forMonth: string };
  'payroll.month_lock': { month: string; lines: number; exported: number; blocked: number; totalOre: number };
  'payroll.export': { month: string; format: 'csv' | 'xlsx'; sha256?: string; lines?: number; assignmentId?: string };
  'payroll.settings': { fields: string[] };
  'payroll.changes_read': { count: number };
  'payroll.change_review': { changeId: string };
  'ivo.quarter_read': { quarter: string; unitId?: string; reports?: number; kind?: 'beslut' | 'avbrott' };
  'ivo.report_update': { quarter: string; fields: string[] };
  'ivo.report_submit': { quarter: string; submittedDate: string };
  'ivo.quarter_freeze': { quarter: string; unitId: string; reports: number; sha256: string };
  'ivo.export': { quarter: string; format: string; sha256?: string; kind?: 'beslut' | 'avbrott'; unitId?: string; reports?: number };
  'ivo.statistics': { quarter: string; format: string; unitId: string; lines: number };
  'ivo.stand_in': { standIn: string };
  'portal.start': { assignments: number };
  'portal.assignment_read': { assignmentId: string };
  /** What a contact person asked for that is not theirs (or does not exist): the kind of thing, never its content. */
  'portal.denied': { what: 'assignment' | 'report' | 'receipt' };
  'report.read': { assignmentId: string; month: string; status: string };
  'report.create': { assignmentId: string; month: string };
  'report.save': { month: string; status: string; meetings: number; cancellations: number; expenses: number };
  'report.submit': { month: string; late: boolean; meetings: number; expenses: number; expensesOre: number };
  'report.approve': { month: string; deviation: string | null; noted: boolean };
  'report.return': { month: string };
  'report.queue': { count: number };
  'report.due': { count: number };
  'report.receipt_upload': { reportId: string; contentType: string; sizeBytes: number };
  'report.receipt_read': { reportId: string };
  'admin.portal_settings': { fields: string[] };
  /** One per batch of a run (dryRun false), one per dry run: counts only. */
  'disposal.run': { dryRun: boolean; batches: number; cases: number; persons: number; auditPseudonymised: number; keptBornOn: number; keptLss: number; keptPayroll: number };
  'disposal.rule': { fields: string[] };
  /** One per case moved; `count` is how many the same reassignment moved. */
  'case.reassign': { from: string; to: string; count: number };
  /** Two entries: the kept record (role 'kept') and the merged one (role 'merged'); `moved` counts rows per table.column. */
  'person.merge': { role: 'kept' | 'merged'; otherPersonId: string; moved: Record<string, number> };
  'import.check': { kind: string; sha256: string; rows: number; errors: number };
  'import.commit': { kind: string; sha256: string; rows: number; imported: number };
  'person.import': { jobId: string };
  'contact_person.import': { jobId: string };
  'decision.import': { jobId: string; caseId: string };
}

// Every action has its details type and every details type its action (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _EveryActionHasDetails = Assert<Same<keyof AuditDetails, AuditAction>>;
