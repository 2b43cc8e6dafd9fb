// The joints of src/areas.ts: the platform imports no area, and an earlier stage never imports a later one.
// (A plain scan of import specifiers; the full architecture check is a separate tool.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from './areas';

const SRC = path.dirname(new URL(import.meta.url).pathname);
/** Process order of the stages (issue 8); admin is configuration, not a stage. */
const STAGE_ORDER = ['people', 'intake', 'investigation', 'decisions', 'orders', 'contact-persons', 'matching', 'assignments', 'payments', 'oversight'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The top folder under src/ of every relative import of the file. */
function importedFolders(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)].map((m) => m[1]);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep)[0]);
}

describe('areas and their boundaries', () => {
  const areaNames = AREAS.map((a) => a.name);

  it('lists every area folder once', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !['platform', 'demo'].includes(e.name))
      .map((e) => e.name);
    expect([...areaNames].sort()).toEqual(folders.sort());
  });

  it('keeps the platform free of areas, the demo and the areas list', () => {
    const bad = sourceFiles(path.join(SRC, 'platform')).flatMap((f) =>
      importedFolders(f)
        .filter((d) => d !== 'platform')
        .map((d) => `${path.relative(SRC, f)} → ${d}`),
    );
    expect(bad).toEqual([]);
  });

  it('never lets an earlier stage import a later one', () => {
    const bad = STAGE_ORDER.filter((s) => fs.existsSync(path.join(SRC, s))).flatMap((stage) =>
      sourceFiles(path.join(SRC, stage)).flatMap((f) =>
        importedFolders(f)
          .filter((d) => STAGE_ORDER.indexOf(d) > STAGE_ORDER.indexOf(stage))
          .map((d) => `${path.relative(SRC, f)} → ${d}`),
      ),
    );
    expect(bad).toEqual([]);
  });
});
