import type { CandidatesOut, MatchingSettingsOut, ProposalOut, WaitingItemOut, WaitingListOut, WhyNotOut } from '../../../src/matching/schema';

export type { CandidatesOut, MatchingSettingsOut, ProposalOut, WaitingItemOut, WaitingListOut, WhyNotOut };

export const waitingListKey = ['matching', 'waiting-list'] as const;
export const candidatesKey = (orderId: string, name: string) => ['matching', 'candidates', orderId, name] as const;
