import { resolve } from 'node:path';
import { parseClickHouseUrl } from './clickhouse-url';

describe('parseClickHouseUrl', () => {
  it('splits an HTTP URL into origin, credentials and database, describing it without the password', () => {
    expect(parseClickHouseUrl('http://ingest:p%40ss@clickhouse:8123/flywheel')).toEqual({
      kind: 'http',
      url: 'http://clickhouse:8123',
      username: 'ingest',
      password: 'p@ss',
      database: 'flywheel',
      description: 'http://ingest@clickhouse:8123/flywheel',
    });
  });

  it('defaults the port by scheme, the user and the database', () => {
    expect(parseClickHouseUrl('https://ch.example.com')).toMatchObject({
      url: 'https://ch.example.com:8443',
      username: 'default',
      password: '',
      database: 'default',
    });
    expect(parseClickHouseUrl('http://localhost/')).toMatchObject({
      url: 'http://localhost:8123',
      database: 'default',
    });
  });

  it('resolves a chdb:// directory to an absolute path', () => {
    expect(parseClickHouseUrl('chdb:///var/lib/flywheel/ch')).toEqual({
      kind: 'chdb',
      path: '/var/lib/flywheel/ch',
      description: 'chdb:///var/lib/flywheel/ch',
    });
    expect(parseClickHouseUrl('chdb://data/ch')).toMatchObject({ kind: 'chdb', path: resolve('data/ch') });
  });

  it('rejects chdb:// without a directory', () => {
    expect(() => parseClickHouseUrl('chdb://', 'FLYWHEEL_CLICKHOUSE_URL')).toThrow(
      'FLYWHEEL_CLICKHOUSE_URL chdb:// needs a data directory',
    );
  });

  it('rejects other schemes, naming the field and scheme', () => {
    expect(() => parseClickHouseUrl('tcp://host:9000', 'FLYWHEEL_CLICKHOUSE_URL')).toThrow(
      'FLYWHEEL_CLICKHOUSE_URL must use http://, https:// or chdb://, got tcp://',
    );
  });

  it('rejects text that is not a URL without echoing it', () => {
    expect(() => parseClickHouseUrl('user:secret@host')).toThrow(
      /must be http\(s\):\/\/user:password@host:port\/database or chdb:\/\/<dir>$/,
    );
  });

  it('rejects nested paths and query parameters, which the client would misread', () => {
    expect(() => parseClickHouseUrl('http://h:8123/a/b')).toThrow('path must be a single database name');
    expect(() => parseClickHouseUrl('http://h:8123/db?max_threads=1')).toThrow(
      'must not carry query parameters',
    );
  });
});
