// The served OpenAPI document passes a standard linter (Redocly's recommended rules) with no errors,
// has a servers entry, and names every operation with a stable camelCase operationId.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdOf } from './app';
import { setupHarness, type Harness } from '../../../test/support/harness';

let h: Harness;
let doc: { servers: { url: string }[]; paths: Record<string, Record<string, { operationId?: string }>> };
let source: string;

beforeAll(async () => {
  h = await setupHarness();
  source = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
  doc = JSON.parse(source);
});
afterAll(() => h.close());

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('OpenAPI document', () => {
  it('passes the Redocly recommended ruleset with no errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: '/api/openapi.json', config });
    if (process.env.LINT_DEBUG) console.log(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message.slice(0, 100)} at ${p.location[0]?.pointer}`).join('\n'));
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('has a servers entry', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('every operation has a unique camelCase operationId derived from method and path', () => {
    const ids: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        expect(op.operationId, `${method} ${p}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        ids.push(op.operationId!);
      }
    }
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('operationIds are stable: method + path, parameters as "by"', () => {
    expect(operationIdOf('GET', '/api/persons/:id')).toBe('getPersonsById');
    expect(operationIdOf('POST', '/api/cases/:id/acknowledge')).toBe('postCasesByIdAcknowledge');
    expect(operationIdOf('GET', '/api/auth/demo-accounts')).toBe('getAuthDemoAccounts');
    expect(doc.paths['/api/cases/{id}/acknowledge'].post.operationId).toBe('postCasesByIdAcknowledge');
  });
});
