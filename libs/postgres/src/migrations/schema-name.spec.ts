import { assertSchemaName } from './schema-name';

describe('assertSchemaName', () => {
  it.each(['tracking', 'registry_v2', '_private', 'a'.repeat(63)])('accepts %s', (schema) => {
    expect(() => assertSchemaName(schema)).not.toThrow();
  });

  it.each(['', 'Tracking', '1abc', 'a-b', 'a"; DROP SCHEMA public; --', 'a'.repeat(64), 'public.x'])(
    'rejects %j, which could not be written into DDL unquoted',
    (schema) => {
      expect(() => assertSchemaName(schema)).toThrow(/migration schema must be/);
    },
  );
});
