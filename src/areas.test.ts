// The areas list is the one place a stage plugs in. Import boundaries are checked by dependency-cruiser
// (`npm run check:arch`, part of `npm test`; rules in .dependency-cruiser.cjs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from './areas';

const SRC = path.dirname(new URL(import.meta.url).pathname);

describe('the areas list', () => {
  it('lists every area folder once', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !['platform', 'demo'].includes(e.name))
      .map((e) => e.name);
    expect(AREAS.map((a) => a.name).sort()).toEqual(folders.sort());
  });
});
