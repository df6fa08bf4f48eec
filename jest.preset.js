// Shared Jest setup: SWC transpiles TypeScript (type checking is the `typecheck` target's job),
// and workspace imports resolve to sources so tests never need a build first.
const path = require('node:path');
const fs = require('node:fs');

const root = __dirname;
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

function workspaceAliases() {
  const mapper = {};
  for (const dir of ['libs', 'services']) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base)) {
      const index = path.join(base, name, 'src', 'index.ts');
      if (fs.existsSync(index)) mapper[`^@flywheel/${name}$`] = index;
    }
  }
  return mapper;
}

const swcTransform = ['@swc/jest', { ...swcrc, swcrc: false, module: { type: 'commonjs' } }];

/** Jest config for the project in `dir` (unit `*.spec.ts` and integration `*.int-spec.ts`). */
function project(dir) {
  return {
    displayName: path.relative(root, dir),
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.ts$': swcTransform,
      // PGlite's CommonJS build loads Node built-ins with dynamic `import()`, which Jest's
      // sandbox rejects without --experimental-vm-modules; transpiling those files turns each
      // `import('fs')` into the `require` Node itself would do outside Jest.
      '/node_modules/@electric-sql/pglite[^/]*/dist/.+\\.cjs$': swcTransform,
    },
    transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite)'],
    moduleNameMapper: workspaceAliases(),
    testTimeout: 60_000,
    passWithNoTests: false,
    reporters: ['default', path.join(root, 'scripts', 'jest-summary-reporter.js')],
  };
}

module.exports = { project };
