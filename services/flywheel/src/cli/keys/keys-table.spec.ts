import { formatKeysTable } from './keys-table';

describe('formatKeysTable', () => {
  it('lists every key with aligned columns, dashes for unset times and no secret', () => {
    const table = formatKeysTable([
      {
        id: 'abcdefgh2345',
        name: 'ci',
        role: 'deployer',
        createdAt: new Date('2026-03-01T12:00:00.123Z'),
        createdBy: 'service:cli:ops',
        expiresAt: new Date('2026-03-31T12:00:00Z'),
      },
      {
        id: 'zyxwvuts7654',
        name: 'dashboards',
        role: 'viewer',
        createdAt: new Date('2026-02-01T08:30:00Z'),
        createdBy: 'service:cli:ops',
        lastUsedAt: new Date('2026-02-02T09:00:00Z'),
        revokedAt: new Date('2026-02-03T10:00:00Z'),
        revokedBy: 'service:cli:ops',
      },
    ]);
    expect(table).toBe(
      [
        'ID            NAME        ROLE      CREATED               EXPIRES               LAST USED             REVOKED',
        'abcdefgh2345  ci          deployer  2026-03-01T12:00:00Z  2026-03-31T12:00:00Z  -                     -',
        'zyxwvuts7654  dashboards  viewer    2026-02-01T08:30:00Z  -                     2026-02-02T09:00:00Z  2026-02-03T10:00:00Z',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no keys', () => {
    expect(formatKeysTable([])).toBe('no API keys\n');
  });
});
