module.exports = { ...require('../jest.preset.js').project(__dirname), testMatch: ['<rootDir>/**/*.e2e-spec.ts'], testTimeout: 300_000 };
