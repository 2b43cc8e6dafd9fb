// The dashboard (issue 13 item 2): its filters and figures. Aggregates only — no person appears in them.
import { z } from 'zod';
import { dateString, uuid } from '../platform/validation';
import { ROUTES } from '../platform/rules';

export const dashboardQuery = z.object({
  /** One unit (the user's own when their scope is the unit; any unit for the whole municipality's scope). */
  unitId: uuid.optional(),
  route: z.enum(ROUTES, { error: 'Välj LSS eller SoL.' }).optional(),
  from: dateString.optional(),
  to: dateString.optional(),
});
export type DashboardQuery = z.output<typeof dashboardQuery>;

const waiting = z.object({ month: z.string(), count: z.number(), median: z.number().nullable(), p90: z.number().nullable() });

export const dashboardOut = z.object({
  today: z.string(),
  filters: z.object({ unitId: z.string().nullable(), route: z.enum(ROUTES).nullable(), from: z.string(), to: z.string() }),
  /** The units the user may choose (their own, or every unit). */
  units: z.array(z.object({ id: z.string(), name: z.string(), route: z.enum(ROUTES) })),
  /** Socialstyrelsen's LSS register is due (1–25 October): the reference day and the due day. */
  lssStatistics: z.object({ referenceDate: z.string(), dueDate: z.string() }).nullable(),
  requestsPerMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  /** Days from the request to the decision, by the month of the decision. */
  waitingToDecision: z.array(waiting),
  /** Days from a favourable decision to execution, by the month of execution. */
  waitingToExecution: z.array(waiting),
  /** Favourable decisions of the month whose three months are over (or that were executed): how many in time. */
  executedInTime: z.array(z.object({ month: z.string(), decisions: z.number(), inTime: z.number(), share: z.number().nullable() })),
  openOrdersByAge: z.array(z.object({ band: z.string(), label: z.string(), count: z.number() })),
  pastDeadline: z.object({ now: z.number(), next30Days: z.number() }),
  contactPersons: z.array(z.object({ status: z.string(), label: z.string(), count: z.number(), freePlaces: z.number() })),
  /** Assignments running on the month's last day (today for the current month). */
  activeAssignments: z.array(z.object({ month: z.string(), count: z.number() })),
  /** The locked payroll months' lines (öre), by payroll month. */
  payPerMonth: z.array(z.object({ month: z.string(), arvode: z.number(), omkostnad: z.number(), expenses: z.number(), total: z.number() })),
});
export type DashboardOut = z.output<typeof dashboardOut>;
