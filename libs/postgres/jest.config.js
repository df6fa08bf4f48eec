const base = require('../../jest.preset.js').project(__dirname);

// PGlite's CommonJS build loads Node built-ins with dynamic `import()`, which Jest's module
// sandbox rejects without --experimental-vm-modules. Transpiling those files turns each
// `import('fs')` into a `require`, the same module Node itself would load outside Jest.
const swcTransform = Object.values(base.transform)[0];
module.exports = {
  ...base,
  transform: { ...base.transform, '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': swcTransform },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
};
