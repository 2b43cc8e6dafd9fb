// Queries on decisions, appeals and follow-ups. The use cases write the rows themselves.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db/connect';
import { AppError } from '../platform/errors';
import { users } from '../platform/tables';
import { caseFacts } from '../intake/case-status';
import { appeals, decisions, followUps, legalBases } from './tables';
import { allOf } from '../platform/db/transaction';

export type DecisionRow = typeof decisions.$inferSelect;
export type AppealRow = typeof appeals.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
export type LegalBasisRow = typeof legalBases.$inferSelect;

/** A decision with what its page and letter need. */
export interface DecisionFull {
  d: DecisionRow;
  basis: LegalBasisRow;
  approvedByName: string | null;
  decidedByName: string | null;
  appeals: AppealRow[];
  followUps: FollowUpRow[];
  /** The case's execution date (case_facts: the first start of an assignment of its latest order), or null. */
  executedDate: string | null;
}

const approver = alias(users, 'approver');
const decider = alias(users, 'decider');

async function withNames(db: Queryable, where: ReturnType<typeof eq>): Promise<DecisionFull[]> {
  const rows = await db
    .select({ d: decisions, basis: legalBases, approvedByName: approver.displayName, decidedByName: decider.displayName, executedDate: caseFacts.executedDate })
    .from(decisions)
    .leftJoin(caseFacts, eq(caseFacts.caseId, decisions.caseId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .leftJoin(approver, eq(approver.id, decisions.approvedBy))
    .leftJoin(decider, eq(decider.id, decisions.decidedBy))
    .where(where)
    .orderBy(desc(decisions.decisionDate), desc(decisions.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.d.id);
  const [a, f] = await allOf(db,
    () => db.select().from(appeals).where(inArray(appeals.decisionId, ids)).orderBy(asc(appeals.receivedDate)),
    () => db.select().from(followUps).where(inArray(followUps.decisionId, ids)).orderBy(asc(followUps.date)));
  return rows.map((r) => ({ ...r, appeals: a.filter((x) => x.decisionId === r.d.id), followUps: f.filter((x) => x.decisionId === r.d.id) }));
}

export function decisionsOfCase(db: Queryable, caseId: string): Promise<DecisionFull[]> {
  return withNames(db, eq(decisions.caseId, caseId));
}

export async function findDecision(db: Queryable, id: string): Promise<DecisionFull | null> {
  const [r] = await withNames(db, eq(decisions.id, id));
  return r ?? null;
}

/** The decision row by id, or 404 (the use case then loads its case within scope). */
export async function requireDecisionRow(db: Queryable, id: string): Promise<DecisionRow> {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function requireAppealRow(db: Queryable, id: string): Promise<AppealRow> {
  const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Does the case have a first decision (any state)? */
export async function hasFirstDecision(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.caseId, caseId), sql`${decisions.previousDecisionId} is null`))
    .limit(1);
  return Boolean(row);
}

/** Has the decision been replaced by a newer one? */
export async function hasSuccessor(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.previousDecisionId, id)).limit(1);
  return Boolean(row);
}
