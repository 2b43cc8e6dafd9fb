import { describe, expect, it } from 'vitest';
import { loadConfig, parseClaimMap } from '../config';
import { mapOidcClaims, oidcUsername, safeReturnPath } from './rules';

const m = {
  roleClaim: 'groups',
  unitClaim: 'groups',
  roleMap: { chef: 'enhetschef', hl: 'handlaggare', lon: 'lon' } as const,
  unitMap: { lss: 'LSS-enheten', sol: 'SoL-enheten' },
};

describe('mapOidcClaims', () => {
  it.each([
    [{ groups: ['hl', 'lss'] }, { role: 'handlaggare', unitName: 'LSS-enheten' }],
    [{ groups: ['hl', 'chef', 'sol', 'lss'] }, { role: 'enhetschef', unitName: 'LSS-enheten' }],
    [{ groups: 'lon' }, { role: 'lon', unitName: null }],
    [{ groups: ['lon', 'lss'] }, { role: 'lon', unitName: null }],
    [{ groups: ['lss'] }, { refused: 'OIDC_NO_ROLE' }],
    [{ groups: 'HL' }, { refused: 'OIDC_NO_ROLE' }],
    [{}, { refused: 'OIDC_NO_ROLE' }],
    [{ groups: [1, { hl: true }] }, { refused: 'OIDC_NO_ROLE' }],
    [{ groups: ['hl'] }, { refused: 'OIDC_NO_UNIT' }],
  ])('%j → %j', (claims, out) => expect(mapOidcClaims(claims, m)).toEqual(out));

  it('reads the unit from its own claim', () => {
    expect(mapOidcClaims({ groups: ['hl'], dept: 'sol' }, { ...m, unitClaim: 'dept' })).toEqual({ role: 'handlaggare', unitName: 'SoL-enheten' });
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/arenden/1?flik=2', '/arenden/1?flik=2'],
    ['/', '/'],
    [undefined, '/'],
    ['https://ond.example/', '/'],
    ['//ond.example', '/'],
    ['/\\ond.example', '/'],
    ['/a\\b', '/'],
    ['/a\nb', '/'],
    ['javascript:alert(1)', '/'],
    ['/logga-in?next=/x', '/'],
    ['/api/auth/logout', '/'],
  ])('%j → %j', (next, out) => expect(safeReturnPath(next)).toBe(out));
});

describe('oidcUsername', () => {
  it('takes the configured claim, then e-mail, then the subject, in lower case', () => {
    expect(oidcUsername({ preferred_username: ' Anna@Kommun.se ' }, 'preferred_username', 's')).toBe('anna@kommun.se');
    expect(oidcUsername({ email: 'B@k.se' }, 'preferred_username', 's')).toBe('b@k.se');
    expect(oidcUsername({}, 'preferred_username', 'Sub-1')).toBe('sub-1');
  });
});

describe('the single sign-on configuration', () => {
  const base = { OIDC_ISSUER: 'https://login.kommun.se', OIDC_CLIENT_ID: 'kontakt', OIDC_CLIENT_SECRET: 'x', OIDC_ROLE_MAP: 'a=handlaggare' };
  it('is off without OIDC_ISSUER, and local passwords stay on', () => {
    expect(loadConfig({})).toMatchObject({ oidc: null, localPasswords: true });
  });
  it('reads the variables, with defaults', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://kontakt.kommun.se', LOCAL_PASSWORDS: 'off' })).toMatchObject({
      oidc: { issuer: 'https://login.kommun.se', clientId: 'kontakt', clientSecret: 'x', redirectUrl: 'https://kontakt.kommun.se/api/auth/oidc/callback', roleClaim: 'groups', unitClaim: 'groups', roleMap: { a: 'handlaggare' }, unitMap: {}, allowHttp: false },
      localPasswords: false,
    });
  });
  it.each([
    [{ ...base, OIDC_ISSUER: 'http://login.kommun.se' }, /https/],
    [{ ...base, OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET/],
    [{ ...base, OIDC_ROLE_MAP: 'a=kontaktperson' }, /no staff role/],
    [{ ...base, OIDC_ROLE_MAP: '' }, /OIDC_ROLE_MAP/],
    [{ LOCAL_PASSWORDS: 'off' }, /needs single sign-on/],
    [{ ...base, LOCAL_PASSWORDS: 'kanske' }, /on or off/],
    [{ OIDC_CLIENT_ID: 'x' }, /OIDC_ISSUER/],
  ])('refuses %j', (env, message) => expect(() => loadConfig(env)).toThrow(message));
  it('parses claim maps', () => {
    expect(parseClaimMap(' a = b , c=d=e ', 'X')).toEqual({ 'a': 'b', 'c=d': 'e' });
    expect(() => parseClaimMap('a', 'X')).toThrow(/claim-value=target/);
    expect(() => parseClaimMap('a=b,a=c', 'X')).toThrow(/twice/);
  });
});
