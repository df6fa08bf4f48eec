import { auditEntry } from './audit-entry';
import { REDACTED } from './redact';

describe('auditEntry', () => {
  const at = new Date('2026-06-01T00:00:00Z');
  const principal = { id: 'k1', kind: 'api_key' as const, role: 'admin' as const, name: 'root' };

  it('redacts before and after payloads and copies the rest', () => {
    const entry = auditEntry({
      principal,
      action: 'policies.manage',
      target: 'policy:quality-gates',
      before: { threshold: 0.9, webhookSecret: 'old' },
      after: { threshold: 0.95, webhookSecret: 'new' },
      at,
      requestId: 'req-1',
    });
    expect(entry).toEqual({
      principal,
      action: 'policies.manage',
      target: 'policy:quality-gates',
      before: { threshold: 0.9, webhookSecret: REDACTED },
      after: { threshold: 0.95, webhookSecret: REDACTED },
      at,
      requestId: 'req-1',
    });
  });

  it('keeps only the identifying fields of the principal and omits absent payloads', () => {
    const entry = auditEntry({
      principal: { ...principal, extra: 'x' } as typeof principal,
      action: 'keys.manage',
      target: 'api_key:k2',
      at,
      requestId: 'r',
    });
    expect(entry.principal).toEqual(principal);
    expect('before' in entry || 'after' in entry).toBe(false);
  });
});
