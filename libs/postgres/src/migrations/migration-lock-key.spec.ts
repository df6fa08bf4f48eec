import { migrationLockKey } from './migration-lock-key';

describe('migrationLockKey', () => {
  it('is stable for a schema, so every replica computes the same lock', () => {
    expect(migrationLockKey('tracking')).toBe(migrationLockKey('tracking'));
  });

  it('differs between schemas, so services migrate independently', () => {
    expect(migrationLockKey('tracking')).not.toBe(migrationLockKey('registry'));
  });

  it('fits a signed 64-bit bigint', () => {
    for (const schema of ['a', 'tracking', 'registry', 'x'.repeat(63)]) {
      const key = BigInt(migrationLockKey(schema));
      expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
    }
  });
});
