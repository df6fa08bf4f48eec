import { describePgConnectionString } from './pg-connection-string';

describe('describePgConnectionString', () => {
  it('describes the server without the password', () => {
    const description = describePgConnectionString('postgres://flywheel:s3cret@db.internal:6543/meta');
    expect(description).toBe('postgres://flywheel@db.internal:6543/meta');
    expect(description).not.toContain('s3cret');
  });

  it('fills in the default port and accepts the postgresql:// scheme', () => {
    expect(describePgConnectionString('postgresql://u@h/d')).toBe('postgres://u@h:5432/d');
  });

  it('accepts a unix-socket host given as a query parameter', () => {
    expect(describePgConnectionString('postgres:///meta?host=/var/run/postgresql')).toBe(
      'postgres://[/var/run/postgresql]/meta',
    );
  });

  it('rejects a value that is not a URL without echoing it', () => {
    expect(() => describePgConnectionString('user:pw@host/db', 'FLYWHEEL_DATABASE_URL')).toThrow(
      /^FLYWHEEL_DATABASE_URL is not a valid URL/,
    );
    expect(() => describePgConnectionString('user:pw@host/db')).not.toThrow(/pw/);
  });

  it('rejects other schemes, naming the scheme', () => {
    expect(() => describePgConnectionString('mysql://u:p@h/d')).toThrow(
      'connectionString must use postgres:// or postgresql://, got mysql://',
    );
  });

  it('rejects a URL without a host', () => {
    expect(() => describePgConnectionString('postgres:///db')).toThrow(/names no host/);
  });
});
