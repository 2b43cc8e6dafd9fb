import { defineConfig } from 'drizzle-kit';

// Every area's tables.ts (and the platform's): a new stage's tables are found without editing this file.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/tables.ts',
  out: './migrations',
});
