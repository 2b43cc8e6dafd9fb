// The main menu per role: short enough to scan, every page reachable, and a group never holds a single page.
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../src/platform/policy/permissions';
import { ROLES, type Role } from '../../../src/platform/rules';
import { isGroup, NAV_ITEMS, navCovers, visibleNav } from './nav-items';
import type { Permission } from './auth';

const menuOf = (role: Role) => {
  const ps = new Set<string>(permissionsOf(role));
  return visibleNav((p: Permission) => ps.has(p));
};
const labels = (role: Role) => menuOf(role).map((i) => (isGroup(i) ? `${i.label} [${i.children.map((c) => c.label).join(', ')}]` : i.label));

describe('main menu', () => {
  it('each role sees its own work first and the occasional pages in groups', () => {
    expect(labels('handlaggare')).toEqual(['Start', 'Ärenden', 'Personer', 'Uppföljning', 'Tillsyn [Översikt, Försenat, Ej verkställda beslut]']);
    expect(labels('enhetschef')).toEqual([
      'Start', 'Ärenden', 'Personer', 'Att godkänna', 'Uppföljning', 'Beställningar', 'Väntelista', 'Kontaktpersonsträffar', 'Månadsrapporter', 'Intern kontroll',
      'Tillsyn [Översikt, Försenat, Ej verkställda beslut, Loggkontroll]',
      'Registervård [Flytta ärenden, Slå ihop personer, Gallring]',
    ]);
    expect(labels('administrator')[1]).toMatch(/^Administration \[Enheter, Användare/);
    expect(labels('revisor')).toEqual(['Start', 'Tillsyn [Ej verkställda beslut, Loggkontroll]']);
    expect(labels('kontaktperson')).toEqual(['Start', 'Mina uppdrag']);
  });

  it('no role has more than twelve items', () => {
    for (const role of ROLES) {
      expect(menuOf(role).length, role).toBeLessThanOrEqual(12);
    }
  });

  it('a group of which one page is open shows that page itself', () => {
    const menu = visibleNav((p) => p === 'audit:read');
    expect(menu.map((i) => i.label)).toEqual(['Start', 'Loggkontroll']);
    expect(menu.some(isGroup)).toBe(false);
  });

  it('a group is the section of each of its pages', () => {
    const tillsyn = NAV_ITEMS.find((i) => i.to === '/tillsyn')!;
    expect(navCovers(tillsyn, '/ivo')).toBe(true);
    expect(navCovers(tillsyn, '/tillsyn')).toBe(true);
    expect(navCovers(tillsyn, '/arenden')).toBe(false);
    expect(navCovers(tillsyn, null)).toBe(false);
  });

  it('every menu path is unique', () => {
    const paths = NAV_ITEMS.flatMap((i) => (isGroup(i) ? [i.to, ...i.children.map((c) => c.to)] : [i.to]));
    expect(new Set(paths).size).toBe(paths.length);
  });
});
