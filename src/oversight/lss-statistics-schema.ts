// Socialstyrelsen's LSS register file (issue 13 item 8): which year, and the municipality's code for boendekommun.
import { z } from 'zod';
import { safeString } from '../platform/validation';
import { municipalityCodeProblem } from './lss-statistics-rules';

export const lssStatisticsQuery = z.object({
  year: z.coerce.number({ error: 'Ange ett år.' }).int({ message: 'Ange ett år.' }).min(2000, { message: 'Ange ett år från 2000.' }).max(2100, { message: 'Ange ett år före 2100.' }),
  municipalityCode: safeString().refine((s) => municipalityCodeProblem(s) === null, { message: 'Kommunkoden ska vara fyra siffror, till exempel 0180.' }),
});
export type LssStatisticsQuery = z.output<typeof lssStatisticsQuery>;
