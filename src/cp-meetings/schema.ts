// HTTP schemas for kontaktpersonsträffar, shared with the web forms (web/src/cp-meetings/).
import { z } from 'zod';
import { dateString, int4, optionalText, requiredText, safeString, uuid, version } from '../platform/validation';
import { TIME_PATTERN } from './rules';

export const meetingIdParams = z.object({ id: uuid });

const time = safeString({ error: 'Ange en tid.' })
  .trim()
  .refine((v) => TIME_PATTERN.test(v), { message: 'Skriv tiden som TT:MM, till exempel 18:00.' });

const meetingFields = {
  date: dateString,
  time,
  durationMinutes: int4({ min: 15, max: 720 }).default(120),
  place: requiredText(200, 'Platsen'),
  topic: requiredText(200, 'Temat'),
  description: optionalText(2000, 'Beskrivningen', { multiline: true }),
};

export const scheduleMeetingBody = z.object(meetingFields);
export const changeMeetingBody = z.object({ ...meetingFields, version });
export const cancelMeetingBody = z.object({ version, reason: optionalText(500, 'Anledningen', { multiline: true }) });
export const attendanceBody = z.object({
  version,
  attendance: z
    .array(z.object({ contactPersonId: uuid, attended: z.boolean({ error: 'Välj närvarande eller frånvarande.' }) }), { error: 'Ange närvaron.' })
    .min(1, { message: 'Ange närvaron för minst en inbjuden.' })
    .max(1000, { message: 'Högst 1 000 på en gång.' }),
});

export const meetingsQuery = z.object({
  when: z.enum(['upcoming', 'past'], { error: 'Välj kommande eller tidigare.' }).default('upcoming'),
});

const meetingSummary = z.object({
  id: z.string(),
  date: z.string(),
  time: z.string(),
  endTime: z.string(),
  durationMinutes: z.number(),
  place: z.string(),
  topic: z.string(),
  description: z.string().nullable(),
  phase: z.enum(['upcoming', 'past', 'cancelled']),
  phaseLabel: z.string(),
  cancelReason: z.string().nullable(),
  version: z.number(),
});

export const meetingListOut = z.object({
  items: z.array(meetingSummary.extend({ invited: z.number(), present: z.number(), absent: z.number() })),
  canSchedule: z.boolean(),
});
export type MeetingListOut = z.infer<typeof meetingListOut>;

export const meetingOut = meetingSummary.extend({
  unitName: z.string(),
  invitees: z.array(
    z.object({
      contactPersonId: z.string(),
      name: z.string(),
      attended: z.boolean().nullable(),
      /** Has a portal account that got the notice in the app. */
      notified: z.boolean(),
    }),
  ),
  abilities: z.object({ canChange: z.boolean(), canRecordAttendance: z.boolean() }),
  /** On scheduling: how many got a notice in the app. */
  notified: z.number().optional(),
});
export type MeetingOut = z.infer<typeof meetingOut>;

/** The contact person's own view (portal): their upcoming träffar, nothing about the other invited. */
export const portalMeetingsOut = z.object({
  items: z.array(meetingSummary.omit({ version: true, cancelReason: true })),
});
export type PortalMeetingsOut = z.infer<typeof portalMeetingsOut>;
