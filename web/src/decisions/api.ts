import type { z } from 'zod';
import type { appealOut, caseDecisionsOut, decisionListOut, decisionOut, legalBasesListOut } from '../../../src/decisions/schema';

export type CaseDecisions = z.infer<typeof caseDecisionsOut>;
export type Decision = z.infer<typeof decisionOut>;
export type Appeal = z.infer<typeof appealOut>;
export type DecisionList = z.infer<typeof decisionListOut>;
export type LegalBasesList = z.infer<typeof legalBasesListOut>;

export const decisionsQueryKey = (caseId: string) => ['decisions', caseId] as const;
