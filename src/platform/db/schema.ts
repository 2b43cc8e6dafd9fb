// Every table of every area, for the typed Drizzle client and drizzle-kit.
// A new area adds its tables.ts here.
export * from '../tables';
export * from '../policy/tables';
export * from '../audit/tables';
export * from '../../decisions/tables';
export * from '../../people/tables';
export * from '../../intake/tables';
