// `npm install` is clean on the oldest Node that package.json promises: no package in the lockfile asks
// for a newer one (EBADENGINE). Overrides in package.json pin Node-20 compatible versions where needed.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('install', () => {
  it.each(['minimum', '22.20.0', '24.0.0'])('every locked package accepts Node %s', (which) => {
    const node = which === 'minimum' ? semver.minVersion(pkg.engines.node)!.version : which;
    const refused = Object.entries(lock.packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(node, p.engines.node, { includePrerelease: true }))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });
});
