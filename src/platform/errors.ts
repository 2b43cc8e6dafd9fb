// One error type with stable codes. The HTTP layer maps code → status; the UI shows `message`
// and switches on `code`.
export const ERROR_CODES = {
  VALIDATION_FAILED: [400, 'Kontrollera uppgifterna. Något är inte rätt ifyllt.'],
  BAD_REQUEST: [400, 'Begäran kunde inte tolkas. Kontrollera att uppgifterna är rätt skickade.'],
  UNAUTHENTICATED: [401, 'Du är inte inloggad, eller så har du varit inaktiv för länge. Logga in igen.'],
  INVALID_CREDENTIALS: [401, 'Fel användarnamn eller lösenord. Efter flera misslyckade försök spärras inloggningen en stund.'],
  // Single sign-on (issue 14)
  LOCAL_PASSWORDS_OFF: [403, 'Personal loggar in med kommunens konto. Inloggning med lösenord finns bara för kontaktpersoner.'],
  OIDC_NOT_CONFIGURED: [404, 'Inloggning med kommunens konto är inte påslagen i Kontakt.'],
  OIDC_FAILED: [401, 'Inloggningen med kommunens konto gick inte att slutföra. Försök igen.'],
  OIDC_NO_ROLE: [403, 'Ditt konto hos kommunen har ingen behörighet till Kontakt. Kontakta din chef om du behöver använda Kontakt.'],
  OIDC_NO_UNIT: [403, 'Ditt konto hos kommunen är inte kopplat till någon enhet i Kontakt. Kontakta din chef.'],
  OIDC_ACCOUNT_INACTIVE: [403, 'Ditt konto i Kontakt är avstängt. Kontakta administratören.'],
  OIDC_USERNAME_TAKEN: [409, 'Det finns redan ett annat konto i Kontakt med ditt användarnamn. Kontakta administratören.'],
  FORBIDDEN: [403, 'Du har inte behörighet att göra det här.'],
  CROSS_SITE_REQUEST: [403, 'Begäran kom från en annan webbplats och stoppades. Öppna Kontakt direkt och försök igen.'],
  NOT_FOUND: [404, 'Det du söker finns inte, eller så har du inte behörighet att se det.'],
  ROUTE_NOT_FOUND: [404, 'Adressen finns inte i Kontakt.'],
  VERSION_CONFLICT: [409, 'Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan och gör ändringen igen.'],
  IMPORT_BAD_FILE: [400, 'Filen kunde inte läsas som CSV. Spara den som CSV (semikolon- eller kommaseparerad) och försök igen.'],
  IMPORT_HAS_ERRORS: [409, 'Provkörningen hittade fel i filen. Rätta felen, provkör igen och importera sedan.'],
  IMPORT_FILE_CHANGED: [409, 'Filen är inte samma fil som provkördes. Provkör den nya filen först.'],
  IMPORT_ALREADY_COMMITTED: [409, 'Filen är redan importerad.'],
  PERSON_DUPLICATE: [409, 'Det finns redan en person med det numret i Kontakt. Sök fram personen i stället.'],
  USERNAME_TAKEN: [409, 'Användarnamnet är upptaget. Välj ett annat.'],
  UNIT_NAME_TAKEN: [409, 'Det finns redan en enhet med det namnet.'],
  LEGAL_BASIS_CODE_TAKEN: [409, 'Det finns redan en rättslig grund med den koden.'],
  CASE_ALREADY_ACKNOWLEDGED: [409, 'Ansökan är redan bekräftad.'],
  CASE_NOT_ACKNOWLEDGED: [409, 'Ansökan är inte bekräftad än.'],
  DOCUMENTATION_NOT_MISSING: [409, 'Det saknas inget underlag i ärendet.'],
  APPLICATION_ALREADY_RECORDED: [409, 'Ansökan är redan registrerad.'],
  // Decisions (issue 9)
  DECISION_CASE_IS_REFERRAL: [400, 'Ärendet är en aktualisering utan ansökan. Registrera ansökan innan du fattar beslut.'],
  DECISION_INVESTIGATION_NOT_READY: [400, 'Utredningen är inte klar för beslut.'],
  LEGAL_BASIS_NOT_IN_FORCE: [400, 'Den rättsliga grunden gäller inte på beslutsdatumet för ärendets lag.'],
  DECISION_ALREADY_EXISTS: [409, 'Ärendet har redan ett beslut. Någon kan ha beslutat samtidigt. Ladda om sidan.'],
  DECISION_ALREADY_DECIDED: [409, 'Beslutet är redan fattat och kan inte ändras. Gör ett nytt beslut som ersätter det.'],
  DECISION_NOT_AWAITING_APPROVAL: [409, 'Beslutet väntar inte på godkännande.'],
  DECISION_NOT_DECIDED: [409, 'Beslutet är inte fattat än.'],
  DECISION_NOT_FAVOURABLE: [409, 'Beslutet är ett avslag. Det finns inget att följa upp eller förlänga.'],
  APPEAL_ALREADY_DECIDED: [409, 'Överklagandet har redan ett utfall.'],
  ORDER_NO_FAVOURABLE_DECISION: [409, 'Det finns inget beslut om bifall eller delvis bifall i ärendet att skicka en beställning för.'],
  ORDER_ALREADY_SENT: [409, 'Beställningen för beslutet är redan skickad. Ladda om sidan för att se den.'],
  ORDER_ALREADY_CONFIRMED: [409, 'Beställningen är redan bekräftad som mottagen.'],
  ORDER_RETURNED: [409, 'Beställningen är återsänd med en fråga och väntar på svar från handläggaren.'],
  // Person merge (issue 13 item 7)
  PERSON_MERGE_SAME: [400, 'Välj två olika personer att slå ihop.'],
  PERSON_MERGE_ALREADY_MERGED: [409, 'En av personerna är redan ihopslagen med en annan. Ladda om sidan och sök fram personen igen.'],
  PERSON_MERGE_DIFFERENT_PERSONNUMMER: [409, 'Båda har personnummer, och de är olika. Det är två olika personer, så de kan inte slås ihop.'],
  // Matching (issue 11)
  OFFER_EXCLUDED: [409, 'Kontaktpersonen kan inte erbjudas för den här beställningen.'],
  OFFER_ALREADY_OPEN: [409, 'Kontaktpersonen är redan erbjuden för den här beställningen.'],
  OFFER_ORDER_NOT_CONFIRMED: [409, 'Beställningen är inte bekräftad som mottagen än. Bekräfta den först.'],
  OFFER_ORDER_NOT_WAITING: [409, 'Beslutet väntar inte på någon kontaktperson längre.'],
  ORDER_NOT_RETURNED: [409, 'Beställningen är inte återsänd med någon fråga.'],
  // Investigation (issue 9)
  OFFER_NO_PLACE: [409, 'Kontaktpersonen har inga lediga platser. Någon annan kan just ha erbjudit hen. Ladda om sidan och välj någon annan.'],
  OFFER_CP_EXCLUDED: [409, 'Kontaktpersonen passade inte vid matchningsmötet för den här beställningen. Välj någon annan.'],
  OFFER_CLOSED: [409, 'Erbjudandet är redan avslutat.'],
  OFFER_ALREADY_ANSWERED: [409, 'Personens svar på erbjudandet är redan registrerat.'],
  OFFER_NOT_ACCEPTED: [409, 'Personen har inte tackat ja till erbjudandet. Registrera svaret först.'],
  OFFER_HAS_ASSIGNMENT: [409, 'Erbjudandet har redan blivit ett uppdrag. Avsluta uppdraget i stället.'],
  MEETING_NOT_BOOKED: [409, 'Det finns inget bokat matchningsmöte.'],
  MEETING_OUTCOME_RECORDED: [409, 'Matchningsmötets utfall är redan registrerat.'],
  OFFER_NOT_GONE_AHEAD: [409, 'Matchningsmötet måste ha utfallet "Går vidare" innan du gör ett uppdragsavtal.'],
  ASSIGNMENT_SIGNED: [409, 'Avtalet är redan underskrivet. Villkoren kan inte ändras.'],
  ASSIGNMENT_NOT_SIGNED: [409, 'Både personen och kontaktpersonen måste ha skrivit under avtalet innan uppdraget kan verkställas.'],
  ASSIGNMENT_ALREADY_STARTED: [409, 'Uppdraget är redan verkställt.'],
  ASSIGNMENT_NOT_STARTED: [409, 'Uppdraget har inte startat än.'],
  ASSIGNMENT_ENDED: [409, 'Uppdraget är avslutat. Det går inte att ändra något mer.'],
  ASSIGNMENT_INTERRUPTED: [409, 'Uppdraget har redan ett pågående avbrott.'],
  ASSIGNMENT_NOT_INTERRUPTED: [409, 'Uppdraget har inget pågående avbrott.'],
  CASE_ALREADY_DECIDED: [409, 'Ärendet är redan beslutat. Utredningen kan inte ändras.'],
  INVESTIGATION_COMPLETED: [409, 'Utredningen är redan klarmarkerad och kan inte ändras.'],
  INVESTIGATION_NOT_STARTED: [409, 'Det finns ingen utredning i ärendet än. Spara utredningen först.'],
  BOOKING_EXISTS: [409, 'Det finns redan en bokad utredning i ärendet. Boka om den i stället.'],
  BOOKING_NOT_CURRENT: [409, 'Bokningen gäller inte längre. Den är redan ombokad, avbokad eller genomförd.'],
  CP_ENDED: [409, 'Kontaktpersonen är avslutad. Det går inte att ändra något mer.'],
  CP_NOT_APPROVABLE: [409, 'Kontaktpersonen kan inte godkännas än. Alla krav måste vara uppfyllda först.'],
  CP_ALREADY_APPROVED: [409, 'Kontaktpersonen är redan godkänd.'],
  // Rates, payroll notices, genomförandeplan (issue 11)
  RATE_YEAR_EXISTS: [409, 'Det finns redan en tabell för det året.'],
  RATE_LEVEL_CODE_TAKEN: [409, 'Det finns redan en nivå med den koden det året.'],
  RATE_LEVEL_IN_USE: [409, 'Nivån används av uppdrag det året. Den kan inte tas bort, och koden kan inte ändras.'],
  RATE_LEVEL_MISSING: [409, 'Arvodestabellen saknar uppdragets nivå för startdatumets år. Lägg till nivån under Arvoden och omkostnader först.'],
  PAYROLL_NOTICE_ALREADY_SENT: [409, 'Anställningsuppgifterna är redan skickade till lön.'],
  PLAN_VERSION_CONFLICT: [409, 'Någon annan har sparat en ny version av genomförandeplanen medan du skrev. Ladda om sidan och gör ändringen i den senaste versionen.'],
  // Kontaktpersonsträffar (issue 12)
  CP_MEETING_CLOSED: [409, 'Träffen har redan varit eller är inställd och kan inte ändras.'],
  CP_MEETING_NOT_HELD: [409, 'Närvaron kan registreras från och med dagen för träffen.'],
  CONTACT_PERSONS_ONLY: [403, 'Det här är till för kontaktpersoner som har loggat in i portalen.'],
  // The contact persons' portal and monthly reports (issue 12)
  REPORT_MONTH_NOT_REPORTABLE: [400, 'Den månaden går inte att rapportera för uppdraget.'],
  REPORT_RECEIPT_REFUSED: [400, 'Kvittot måste vara en bild (JPEG, PNG eller HEIC) eller en PDF på högst 10 MB.'],
  REPORT_APPROVED: [409, 'Rapporten är redan godkänd och kan inte ändras. Kontakta din kontaktsekreterare om något behöver rättas.'],
  REPORT_NOT_SUBMITTED: [409, 'Rapporten är inte inskickad (den kan redan vara godkänd eller återsänd). Ladda om sidan.'],
  PORTAL_INVITE_INVALID: [400, 'Länken gäller inte längre. Den kan ha använts redan eller vara äldre än 72 timmar. Be kontaktsekreteraren om en ny inbjudan.'],
  APPLICATION_NOT_ACCEPTED: [400, 'Ansökan kunde inte tas emot. Ladda om sidan, fyll i formuläret igen och skicka det.'],
  // Payroll month and internal control (issue 12)
  PAYROLL_MONTH_NOT_OPEN: [409, 'Lönemånaden är inte öppnad. Öppna den först.'],
  PAYROLL_MONTH_ALREADY_OPEN: [409, 'Lönemånaden är redan öppnad.'],
  PAYROLL_MONTH_LOCKED: [409, 'Lönemånaden är låst och ändras aldrig. Ändringar som kommer fram senare betalas som rättelser i nästa öppna månad.'],
  // The IVO report of unexecuted decisions (issue 13 item 1)
  IVO_UNIT_MISSING: [400, 'Välj en enhet. IVO-rapporten visas per enhet.'],
  IVO_REPORT_NOT_FOUND: [404, 'Rapporten finns inte, eller så hör den inte till din enhet.'],
  IVO_REPORT_VERSION_CONFLICT: [409, 'Någon annan har ändrat rapporten medan du skrev. Ladda om sidan och gör ändringen igen.'],
  IVO_QUARTER_FROZEN: [409, 'Kvartalet är låst: alla rapporter är inrapporterade och kan inte ändras.'],
  IVO_REPORT_SUBMITTED: [409, 'Rapporten är redan markerad som inrapporterad och kan inte ändras.'],
  IVO_CONSEQUENCES_MISSING: [409, 'Skriv konsekvenserna för den enskilde innan rapporten markeras som inrapporterad.'],
  PAYROLL_MONTH_NOT_LOCKED: [409, 'Lönemånaden är inte låst. Lås månaden innan du hämtar lönefilen.'],
  PAYROLL_MONTH_OUT_OF_ORDER: [409, 'Lönemånaderna låses i tur och ordning. Lås den tidigare månaden först.'],
  PAYROLL_MONTH_BEFORE_LOCKED: [409, 'En senare lönemånad är redan låst. Ändringar för den här månaden betalas som rättelser i nästa öppna månad.'],
  PAYROLL_LOCK_SEGREGATION: [409, 'Du har godkänt en månadsrapport som betalas ut den här månaden. En annan person måste låsa månaden (krav på åtskilda uppgifter).'],
  PAYMENT_CHANGE_ALREADY_REVIEWED: [409, 'Ändringen är redan markerad som granskad.'],
  PAYMENT_CHANGE_OWN: [409, 'Du kan inte granska en ändring som du själv har gjort. Be en kollega granska den.'],
  PAYLOAD_TOO_LARGE: [413, 'Det du skickade är för stort.'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Formatet stöds inte. Skicka uppgifterna som JSON.'],
  FILE_EXPECTED: [415, 'Skicka filen som den är, med Content-Type application/octet-stream.'],
  // Loggkontroll and register extract (issue 13 items 4 and 5)
  AUDIT_EXPORT_TOO_LARGE: [400, 'Sökningen ger för många loggposter för en fil (högst 100 000). Välj en kortare period eller fler villkor.'],
  AUDIT_FINDING_NOT_FOUND: [404, 'Avvikelsen finns inte i loggen, eller så hör den inte till din enhet. Ladda om listan.'],
  AUDIT_ALREADY_SIGNED_OFF: [409, 'Avvikelsen är redan markerad som granskad. Ladda om listan.'],
  AUDIT_PERIOD_TOO_LONG: [400, 'Perioden får vara högst ett år (366 dagar).'],
  TOO_MANY_ATTEMPTS: [429, 'För många inloggningsförsök. Vänta en stund och försök igen.'],
  RATE_LIMITED: [429, 'Du har skickat för många förfrågningar på kort tid. Vänta en stund och försök igen.'],
  TOO_MANY_APPLICATIONS: [429, 'Det har kommit för många ansökningar från din uppkoppling. Vänta en timme och försök igen, eller ring kommunen.'],
  INTERNAL: [500, 'Något gick fel hos oss. Försök igen om en stund. Om felet finns kvar, kontakta support och uppge felkoden.'],
  DATABASE_UNAVAILABLE: [503, 'Databasen svarar inte just nu. Försök igen om en stund.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly fields?: FieldError[];
  constructor(
    readonly code: ErrorCode,
    opts: { message?: string; fields?: FieldError[] } = {},
  ) {
    super(opts.message ?? ERROR_CODES[code][1]);
    this.status = ERROR_CODES[code][0];
    this.fields = opts.fields;
  }
}

/** A 400 that points at one field, e.g. a date in the future. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
}

/** PostgreSQL SQLSTATE codes are five characters of digits and upper-case letters. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * What may be logged about an unexpected error: class names, codes and the PostgreSQL SQLSTATE along the
 * cause chain (Drizzle wraps the driver's error). Never a message: a database error quotes the values it got.
 */
export function describeError(err: unknown): { errClass: string; errCode?: string; sqlState?: string; causes?: string[] } {
  const classOf = (e: unknown) => (e && typeof e === 'object' ? ((e as object).constructor?.name ?? 'Object') : typeof e);
  const out: { errClass: string; errCode?: string; sqlState?: string; causes?: string[] } = { errClass: classOf(err) };
  const causes: string[] = [];
  type Link = { code?: unknown; cause?: unknown; [k: string]: unknown };
  let e = err as Link | null | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i++, e = e.cause as Link | undefined) {
    const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined;
    if (i > 0) causes.push(code ? `${classOf(e)}(${code})` : classOf(e));
    if (code && !out.errCode) out.errCode = code;
    if (code && SQLSTATE.test(code) && !out.sqlState) out.sqlState = code;
  }
  if (causes.length) out.causes = causes;
  return out;
}

/** Node's socket errors that mean the database server cannot be reached (refused, reset, gone, unreachable, timed out). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
/**
 * SQLSTATEs of a database that is not there for us right now: class 08 (connection exception), 57P01–57P03
 * (admin_shutdown, crash_shutdown, cannot_connect_now: stopping, crashed, starting), 53300 (too_many_connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** node-postgres' own errors for a lost or never-made connection, which carry no code. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;

/**
 * Is this error the database being unreachable (stopped, restarting, the network gone) rather than a fault of the
 * request or of the code? Looked for along the cause chain (Drizzle wraps the driver's error). Such a request is
 * answered 503 DATABASE_UNAVAILABLE; the pool makes new connections once the database is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  type Link = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  let e = err as Link | null | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i++, e = e.cause as Link | undefined) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNREACHABLE.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    // Node's happy-eyeballs connect (several addresses) fails with an AggregateError of the attempts.
    if (Array.isArray(e.errors) && e.errors.length && e.errors.every((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
