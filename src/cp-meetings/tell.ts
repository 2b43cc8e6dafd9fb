// Telling about a träff in the app (platform notify, in the use case's transaction): the invited contact persons'
// portal accounts and the unit's other coordinators.
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { notify } from '../platform/notifications/notify';
import { meetingNotice, type NoticeKind } from './rules';
import { portalUsersOf, unitColleagues } from './recipients';
import type { MeetingRow } from './repo';

const meetingLink = (id: string) => `/kontaktpersonstraffar/${id}`;
/** The portal's start page, where a contact person sees their upcoming träffar (the portal's pages are its own). */
const PORTAL_LINK = '/portalen';

/** Returns how many contact persons' accounts got the notice. */
export async function tellAbout(tx: Tx, ctx: UseCaseContext, kind: Exclude<NoticeKind, 'scheduled'>, m: MeetingRow, contactPersonIds: readonly string[]): Promise<number> {
  const now = ctx.clock.now();
  const accounts = await portalUsersOf(tx, contactPersonIds);
  const toContactPersons = await notify(tx, { userIds: accounts.map((a) => a.userId), kind: `cp_meeting.${kind}`, ...meetingNotice(kind, m), link: PORTAL_LINK }, now);
  const colleagues = await unitColleagues(tx, m.providerUnitId, ctx.actor.id);
  const colleagueKind = kind === 'invitation' ? 'scheduled' : kind;
  await notify(tx, { userIds: colleagues, kind: `cp_meeting.${colleagueKind}`, ...meetingNotice(colleagueKind, m, contactPersonIds.length), link: meetingLink(m.id) }, now);
  return toContactPersons.notified;
}
