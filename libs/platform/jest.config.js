const base = require('../../jest.preset.js').project(__dirname);

// The embedded PostgreSQL is PGlite, whose CommonJS build loads Node built-ins with dynamic
// `import()`; Jest's sandbox rejects that without --experimental-vm-modules. Transpiling those
// files turns each `import('fs')` into a `require` (as libs/postgres does).
const swcTransform = Object.values(base.transform)[0];
module.exports = {
  ...base,
  transform: { ...base.transform, '/node_modules/@electric-sql/pglite[^/]*/dist/.+\\.cjs$': swcTransform },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite)'],
};
