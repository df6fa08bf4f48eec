// Lint rules for every project. Type-aware rules catch the promise mistakes that bite
// streaming code (a dropped commit, an unawaited send); module boundaries keep the
// layering of the design brief: services -> libs, domain libs -> no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ioPackages = [
  'kafkajs', 'pg', 'kysely', '@clickhouse/client', 'chdb', 'chdb/*', '@aws-sdk/*', '@grpc/*',
  '@nestjs/*', '@electric-sql/*', 'onnxruntime-node', 'node:fs', 'node:fs/*', 'node:net', 'node:http',
  'node:child_process', 'fs', 'net', 'http', 'child_process',
];

// Pure domain libraries (tag type:domain) do no I/O. Nx's bannedExternalImports covers npm
// packages; Node's built-in I/O modules are banned here for the same folders.
const domainLibs = readdirSync(join(import.meta.dirname, 'libs')).filter((name) => {
  const projectFile = join(import.meta.dirname, 'libs', name, 'project.json');
  return existsSync(projectFile) && JSON.parse(readFileSync(projectFile, 'utf8')).tags?.includes('type:domain');
});
const nodeIoModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads', 'cluster'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gen/**', '.cache/**', '.stack/**', '**/jest.config.js', 'jest.preset.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:platform', 'type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: domainLibs.map((name) => `libs/${name}/src/**/*.ts`),
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeIoModules.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'domain libraries do no I/O' })) },
      ],
    },
  },
  {
    // Tests and benchmarks may poke at internals and use loose typing for fixtures.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
