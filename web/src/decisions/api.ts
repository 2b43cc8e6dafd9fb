import type { z } from 'zod';
import type { appealOut, caseDecisionsOut, decisionListOut, decisionOut, legalBasesListOut } from '../../../src/decisions/schema';

export type CaseDecisions = z.infer<typeof caseDecisionsOut>;
export type Decision = z.infer<typeof decisionOut>;
export type Appeal = z.infer<typeof appealOut>;
export type DecisionList = z.infer<typeof decisionListOut>;
export type LegalBasesList = z.infer<typeof legalBasesListOut>;

/** Under the case's key: whatever changes the case (an investigation completed, an order) refreshes the decisions too. */
export const decisionsQueryKey = (caseId: string) => ['case', caseId, 'decisions'] as const;
