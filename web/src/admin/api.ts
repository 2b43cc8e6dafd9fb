import type { z } from 'zod';
import type { municipalityOut, unitOut, userOut } from '../../../src/admin/schema';
import type { legalBasisOut } from '../../../src/decisions/schema';
import { ROUTES, routeShortLabel } from '../../../src/platform/rules';

export type Unit = z.infer<typeof unitOut>;
export type User = z.infer<typeof userOut>;
export type LegalBasis = z.infer<typeof legalBasisOut>;
export type Municipality = z.infer<typeof municipalityOut>;

export const ADMIN_CRUMBS = [{ label: 'Start', href: '/' }];

export const routeOptions = ROUTES.map((value) => ({ value, label: routeShortLabel[value] }));
