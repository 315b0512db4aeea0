// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which libs each lib may import: imports go one way, from the apps down to the domain.
 * A lib not named here may import no other lib. Apps and tests may import any lib;
 * nothing imports an app.
 */
const MAY_IMPORT = {
  domain: [],
  config: [],
  crypto: [],
  integrity: [],
  mongo: [],
  metrics: [],
  siem: ['crypto'],
  secrets: ['config', 'crypto', 'mongo'],
  // secrets: personal-data keys are wrapped by the same master key ring (one key to keep and rotate).
  privacy: ['config', 'crypto', 'domain', 'event-store', 'mongo', 'secrets'],
  // integrity: the SQLite store writes the Merkle log in its append transaction.
  'event-store': ['config', 'domain', 'integrity', 'metrics'],
  auth: ['config', 'domain', 'event-store', 'mongo'],
  // mongo: to answer 503, not 500, when the read store (MongoDB) is down or does not answer.
  http: ['auth', 'domain', 'event-store', 'mongo'],
  // privacy: presenters reveal personal data; the retention job deletes keys.
  projections: ['config', 'domain', 'event-store', 'mongo', 'privacy'],
  tenancy: ['auth', 'config', 'domain', 'event-store', 'projections'],
  commands: ['auth', 'config', 'crypto', 'domain', 'event-store', 'http', 'mongo', 'privacy', 'secrets', 'tenancy'],
  // event-store: asOf reads the integrity log's commit index, and the Sharing Hub replays one record's stream.
  queries: ['auth', 'config', 'domain', 'event-store', 'http', 'privacy', 'projections', 'tenancy'],
  'api-access': ['auth', 'config', 'crypto', 'domain', 'event-store', 'http', 'mongo', 'privacy', 'projections'],
  streams: ['config', 'domain', 'event-store', 'privacy', 'projections', 'secrets', 'siem'],
  // The auditor's routes and the checkpointer: the integrity core over the store's integrity log.
  audit: ['auth', 'config', 'domain', 'event-store', 'http', 'integrity', 'projections', 'tenancy'],
};

/** Test files may also reach the helpers that start real engines. */
const TESTS_MAY_ALSO_IMPORT = ['mongo'];

const LIBS = Object.keys(MAY_IMPORT);

/** Forbids every lib outside `allowed`, by alias and by a relative path into its folder, and every app. */
function boundary(lib, allowed) {
  const forbidden = LIBS.filter((other) => other !== lib && !allowed.includes(other));
  const patterns = [
    { regex: '(^|/)apps/', message: 'Nothing imports an app: move what both need into a lib.' },
    { regex: `^(\\.\\./)+(?:libs/)?(?:${LIBS.filter((l) => l !== lib).join('|')})/src(/|$)`, message: 'Import another lib by its @app alias, never by a relative path.' },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^@app/(?:${forbidden.join('|')})(/|$)`,
      message: `libs/${lib} may import only ${allowed.length ? allowed.map((a) => `@app/${a}`).join(', ') : 'no other lib'} (see MAY_IMPORT in eslint.config.mjs).`,
    });
  }
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const libBoundaries = LIBS.flatMap((lib) => [
  { files: [`libs/${lib}/**/*.ts`], rules: boundary(lib, MAY_IMPORT[lib]) },
  {
    files: [`libs/${lib}/**/*.{spec,int-spec}.ts`, `libs/${lib}/**/*.testing.ts`, `libs/${lib}/**/*.contract.ts`],
    rules: boundary(lib, [...MAY_IMPORT[lib], ...TESTS_MAY_ALSO_IMPORT]),
  },
]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'reports/**', '.ci/**', 'bench/.cache/**', 'bench/results/**', 'tools/**', '.fuzz/**', '.schemathesis/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    // A disable comment that silences nothing is an error: every one left must mean something.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Decorated DTO classes and declaration merging use these on purpose.
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  ...libBoundaries,
  {
    files: ['**/*.{spec,int-spec,e2e-spec}.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: globals.jest },
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The viewer page's own scripts: ES modules run by the browser, served as they are.
  { files: ['apps/api/src/viewer/public/**/*.js'], languageOptions: { sourceType: 'module', globals: globals.browser } },
);
