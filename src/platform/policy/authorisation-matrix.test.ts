// docs/authorisation-matrix.md is the reviewed table: it must be exactly what authorisation-matrix.ts declares
// (the db test, src/platform/http/authorisation-matrix.db.test.ts, checks the app answers so).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorisationMatrixMarkdown, EXCEPTIONS, expectedOutcome, MATRIX_ROUTES, matrixCells } from './authorisation-matrix';

describe('authorisation matrix', () => {
  it('is documented exactly as declared (docs/authorisation-matrix.md)', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/authorisation-matrix.md'), 'utf8');
    expect(doc).toContain(authorisationMatrixMarkdown());
    expect(doc).toContain(`${matrixCells().length} cells`);
  });

  it('names only routes it lists in its exceptions', () => {
    for (const key of Object.keys(EXCEPTIONS)) expect(MATRIX_ROUTES, key).toHaveProperty([key]);
  });

  it('follows the rule: no permission 403, another unit 404, a contact person only their own', () => {
    expect(expectedOutcome('GET /api/cases/:id', 'administrator', 'other')).toBe('403');
    expect(expectedOutcome('GET /api/cases/:id', 'handlaggare', 'other')).toBe('404');
    expect(expectedOutcome('GET /api/cases/:id', 'handlaggare', 'own')).toBe('allowed');
    expect(expectedOutcome('GET /api/cases/:id', 'enhetschef', 'protected')).toBe('shown');
    expect(expectedOutcome('GET /api/cases/:id', 'handlaggare', 'protected')).toBe('allowed');
    expect(expectedOutcome('GET /api/portal/assignments/:id', 'kontaktperson', 'other')).toBe('404');
    expect(expectedOutcome('GET /api/persons/:id', 'handlaggare', 'other')).toBe('allowed');
    expect(expectedOutcome('GET /api/audit/units', 'revisor', '-')).toBe('allowed');
  });
});
