// Kontaktpersonsträffar, pure: who is invited, what scheduling, changing and recording attendance require, where a
// träff stands, and what the invited are told (the in-app notice: date, time, place, topic; never anything about the
// persons they meet).

/** A contact person as the invitation needs them, with their assignments in the arranging unit. */
export interface InviteeFacts {
  approvedDate: string | null;
  endedDate: string | null;
  assignments: readonly { startDate: string | null; endDate: string | null }[];
}

/**
 * Invited: an approved contact person, not ended before the träff, with an assignment of the unit that has started
 * (verkställt) and has not ended before the träff's date. An avbrott does not stop the invitation (they are still
 * the unit's contact person); an approved contact person without any assignment of the unit is no one's to invite.
 */
export function isInvitable(cp: InviteeFacts, meetingDate: string): boolean {
  if (!cp.approvedDate) return false;
  if (cp.endedDate && cp.endedDate < meetingDate) return false;
  return cp.assignments.some((a) => a.startDate !== null && (a.endDate === null || a.endDate >= meetingDate));
}

export type MeetingPhase = 'upcoming' | 'past' | 'cancelled';
export const meetingPhaseLabel: Record<MeetingPhase, string> = { upcoming: 'Kommande', past: 'Genomförd', cancelled: 'Inställd' };

export function meetingPhase(m: { date: string; cancelledAt: unknown }, today: string): MeetingPhase {
  if (m.cancelledAt) return 'cancelled';
  return m.date >= today ? 'upcoming' : 'past';
}

export interface Problem {
  path: string;
  message: string;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Scheduling or moving a träff: not on a day that has passed. */
export function scheduleProblems(input: { date: string }, today: string): Problem[] {
  return input.date < today ? [{ path: 'date', message: 'Datumet har redan varit. Välj i dag eller ett senare datum.' }] : [];
}

/** Why a träff cannot be changed or cancelled any more, or null. */
export function changeRefusal(m: { date: string; cancelledAt: unknown }, today: string): string | null {
  const phase = meetingPhase(m, today);
  if (phase === 'cancelled') return 'Träffen är inställd och kan inte ändras.';
  if (phase === 'past') return 'Träffen har redan varit och kan inte ändras. Registrera närvaron i stället.';
  return null;
}

/** Why attendance cannot be recorded (yet), or null: only on or after the day, never for a cancelled träff. */
export function attendanceRefusal(m: { date: string; cancelledAt: unknown }, today: string): string | null {
  if (m.cancelledAt) return 'Träffen är inställd. Det finns ingen närvaro att registrera.';
  if (m.date > today) return 'Närvaron kan registreras från och med dagen för träffen.';
  return null;
}

/** '18:00' + 120 → '20:00' (a träff that runs past midnight ends the next day; the clock time still reads right). */
export function endTime(time: string, durationMinutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = (h * 60 + m + durationMinutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface MeetingText {
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  topic: string;
}

export function when(m: MeetingText): string {
  return `${m.date} kl. ${m.time}–${endTime(m.time, m.durationMinutes)}`;
}

export type NoticeKind = 'invitation' | 'scheduled' | 'changed' | 'cancelled';

/** What the invited ('invitation') and the unit's other coordinators ('scheduled') are told in the app. */
export function meetingNotice(kind: NoticeKind, m: MeetingText, invited = 0): { title: string; body: string } {
  switch (kind) {
    case 'invitation':
      return { title: `Inbjudan till kontaktpersonsträff ${m.date}`, body: `Välkommen till kontaktpersonsträff ${when(m)}, ${m.place}. Tema: ${m.topic}.` };
    case 'scheduled':
      return {
        title: `Ny kontaktpersonsträff ${m.date}`,
        body: `Kontaktpersonsträff ${when(m)}, ${m.place}. Tema: ${m.topic}. ${invited === 1 ? '1 kontaktperson är inbjuden' : `${invited} kontaktpersoner är inbjudna`}.`,
      };
    case 'changed':
      return { title: `Kontaktpersonsträffen ${m.date} är ändrad`, body: `Nu gäller: ${when(m)}, ${m.place}. Tema: ${m.topic}.` };
    case 'cancelled':
      return { title: `Kontaktpersonsträffen ${m.date} är inställd`, body: `Träffen ${when(m)}, ${m.place} (${m.topic}) blir inte av.` };
  }
}
