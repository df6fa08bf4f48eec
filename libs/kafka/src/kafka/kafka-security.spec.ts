import { kafkaSecurityConfig, securitySecrets } from './kafka-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('kafkaSecurityConfig', () => {
  it('leaves plaintext connections alone when no security is configured', () => {
    expect(kafkaSecurityConfig(undefined)).toEqual({});
    expect(kafkaSecurityConfig({})).toEqual({});
  });

  it('passes SCRAM credentials to kafkajs with the mechanism name it expects', () => {
    expect(kafkaSecurityConfig({ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } })).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
    });
  });

  it('turns tls on with the system CAs, or with the given PEM', () => {
    expect(kafkaSecurityConfig({ tls: true })).toEqual({ ssl: true });
    expect(kafkaSecurityConfig({ tls: {} })).toEqual({ ssl: true });
    expect(kafkaSecurityConfig({ tls: { ca: CA } })).toEqual({ ssl: { ca: [CA] } });
    expect(kafkaSecurityConfig({ tls: false })).toEqual({});
  });

  it('names the bad field and never echoes the password', () => {
    const sasl = (over: object) => ({ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'hunter2-secret', ...over } }) as never;
    expect(() => kafkaSecurityConfig(sasl({ mechanism: 'gssapi' }))).toThrow(
      'security.sasl.mechanism must be one of plain, scram-sha-256, scram-sha-512, got "gssapi"',
    );
    expect(() => kafkaSecurityConfig(sasl({ username: '' }))).toThrow('security.sasl.username must not be empty');
    expect(() => kafkaSecurityConfig(sasl({ password: '' }))).toThrow('security.sasl.password must not be empty');
    expect(() => kafkaSecurityConfig({ tls: { ca: '/etc/ssl/ca.pem' } })).toThrow(
      'security.tls.ca must be PEM text holding at least one certificate',
    );
    try {
      kafkaSecurityConfig(sasl({ mechanism: 'gssapi' }));
    } catch (error) {
      expect(String(error)).not.toContain('hunter2-secret');
    }
  });

  it('lists the password as the secret to scrub', () => {
    expect(securitySecrets({ sasl: { mechanism: 'plain', username: 'u', password: 'p4ss' } })).toEqual(['p4ss']);
    expect(securitySecrets({ tls: true })).toEqual([]);
  });
});
