// Architecture check (issue 8, item 5): `npm run check:arch`. Which area may import which is in ARCHITECTURE.md.
// Stages in process order; an earlier stage never imports a later one. admin/ is configuration: it may import
// the platform and any stage, and no stage imports it. Composition roots (src/main.ts, src/areas.ts, src/demo/)
// and the tests may import anything.
const STAGES = [
  'people',
  'intake',
  'investigation',
  'decisions',
  'orders',
  'contact-persons',
  // Rates (payments) come before the assignments whose agreements quote them; matching reads assignments (load,
  // no-chemistry exclusions, previous contact persons) and creates offers through them.
  'payments',
  'assignments',
  // The contact persons' portal and monthly reports build on the assignments (issue 12).
  'portal',
  // The payroll month pays what the portal's approved monthly reports and the assignments say (after portal).
  'payroll',
  // Kontaktpersonsträffar invite the contact persons with a running assignment of the unit.
  'cp-meetings',
  'matching',
  'oversight',
];
const AREAS = [...STAGES, 'admin', 'demo'];
const areaPath = (names) => `^src/(${names.join('|')})/`;
const NOT_TESTS = '\\.test\\.tsx?$';

/** One rule per stage: it may not import the stages after it, nor admin/. */
const stageOrder = STAGES.map((stage, i) => ({
  name: `stage-order-${stage}`,
  comment: `${stage}/ may import the platform and earlier stages only (order: ${STAGES.join(' < ')}); never admin/.`,
  severity: 'error',
  from: { path: `^src/${stage}/`, pathNot: NOT_TESTS },
  to: { path: areaPath([...STAGES.slice(i + 1), 'admin', 'demo']) },
}));

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-area',
      comment: 'The platform knows no area: areas plug in through src/areas.ts.',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: NOT_TESTS },
      to: { path: areaPath(AREAS) },
    },
    ...stageOrder,
    {
      name: 'rules-are-pure',
      comment: 'A rules.ts (and oversight\'s <topic>-rules.ts) imports only the calendar (src/platform/calendar.ts) and other rules.',
      severity: 'error',
      // Oversight's pure rules are one file per feature (dashboard-rules.ts, …), pure all the same.
      from: { path: ['(^|/)rules\\.ts$', '^src/oversight/[a-z-]+-rules\\.ts$'] },
      to: { pathNot: ['(^|/)rules\\.ts$', '^src/oversight/[a-z-]+-rules\\.ts$', '^src/platform/calendar\\.ts$'] },
    },
    {
      name: 'web-imports-only-shared-server-code',
      comment: 'The web imports from src/ only schemas, rules and label/constant modules.',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^src/',
        pathNot: [
          '(^|/)(schema|rules|labels)\\.ts$',
          // Oversight keeps one schema and one rules module per topic (disposal-, reassign-, merge-).
          '^src/oversight/[a-z-]+-(schema|rules)\\.ts$',
          '^src/platform/calendar\\.ts$',
          '^src/platform/audit/actions\\.ts$',
          // Labels and pure rules that are not named so: the error codes with their Swedish messages, the identity-number
          // parser and the policy table (the same checks the server makes, as the SPA shows them).
          '^src/platform/errors\\.ts$',
          '^src/people/identity-number\\.ts$',
          '^src/platform/policy/permissions\\.ts$',
        ],
      },
    },
    {
      name: 'web-imports-no-node',
      comment: 'The web runs in the browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web/dist|bench/out|node_modules)/' },
    // TypeScript 7 has no JS API yet, so the sources go through Babel's TypeScript preset (keeping every import
    // that is not `import type`).
    babelConfig: { fileName: '.babelrc.depcruise.json' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
