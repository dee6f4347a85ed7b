import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The module map (src/README.md): each module may use the platform, and the modules listed here, only through
 * their `index.ts`. Arrows point one way, from the root down to rules and the platform; nothing else may be
 * imported, and nothing may reach into another module's files. Tests are outside these rules.
 */
const MODULE_USES = {
  site: [],
  catalogue: ['rules'],
  eligibility: ['rules'],
  finder: ['rules', 'catalogue'],
  person: ['rules'],
  identity: ['person'],
  exchange: ['person'],
  privacy: ['person', 'exchange'],
  portal: ['person', 'identity'],
  workspace: ['person', 'identity', 'exchange'],
  inbox: [],
  population: ['person', 'rules'],
  payments: [],
  'stand-ins': ['exchange', 'payments'],
  policy: ['person', 'rules', 'catalogue'],
  help: [],
  applications: ['person', 'rules'],
  decisions: ['person', 'rules', 'applications'],
};
const MODULES = [...Object.keys(MODULE_USES), 'rules'];
const ROOT = '(^|/)(app|app\\.services|server)\\.ts$|(^|/)cli/';
const escape = (name) => name;

/** Imports of a module's files other than its public `index.ts` (`stand-ins/<name>/index.ts` for stand-ins). */
function internalsOf(modules) {
  return modules.map((name) =>
    name === 'stand-ins' ? `(^|/)stand-ins/[^/]+/(?!index\\.ts$)` : `(^|/)${escape(name)}/(?!index\\.ts$)`,
  );
}

function boundaryRule(message, regexes) {
  return ['error', { patterns: regexes.map((regex) => ({ regex, message })) }];
}

const boundaries = [
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': boundaryRule('The platform serves every module and imports none of them.', [
        `(^|/)(${MODULES.map(escape).join('|')})/`,
        ROOT,
      ]),
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': boundaryRule('Rules are pure: they import nothing outside src/rules.', [
        `(^|/)(platform|${Object.keys(MODULE_USES).map(escape).join('|')})/`,
        ROOT,
      ]),
    },
  },
  ...Object.entries(MODULE_USES).map(([name, uses]) => ({
    files: [`src/${name}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': boundaryRule(
        `${name} may use the platform and ${uses.join(', ') || 'no other module'}, each through its index.ts only.`,
        [
          `(^|/)(${MODULES.filter((m) => m !== name && !uses.includes(m))
            .map(escape)
            .join('|')})/`,
          ...internalsOf(uses),
          ROOT,
        ],
      ),
    },
  })),
  {
    files: ['src/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': boundaryRule(
        'The root wires modules through their index.ts only.',
        internalsOf(
          Object.keys(MODULE_USES)
            .filter((m) => m !== 'site')
            .concat('rules'),
        ),
      ),
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Each module adds its tables to the one database type by declaration merging (src/platform/db/schema.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/platform/config only.',
        },
      ],
    },
  },
  {
    files: ['src/platform/config/**/*.ts', 'scripts/**', 'test/**', 'e2e/**', 'bench/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...boundaries,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Progressive enhancement only: every page works without these scripts.
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
);
