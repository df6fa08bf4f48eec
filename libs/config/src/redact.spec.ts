import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces secret-looking properties at any depth', () => {
    const redacted = redactSecrets({
      s3: { region: 'us-east-1', credentials: { accessKeyId: 'id', secretAccessKey: 'secret' } },
      FLYWHEEL_S3_SECRET_ACCESS_KEY: 'secret',
      list: [{ password: 'p' }],
    });
    expect(redacted).toEqual({
      s3: { region: 'us-east-1', credentials: '[redacted]' },
      FLYWHEEL_S3_SECRET_ACCESS_KEY: '[redacted]',
      list: [{ password: '[redacted]' }],
    });
  });

  it('masks passwords inside URLs and leaves other strings alone', () => {
    expect(redactSecrets({ url: 'postgres://flywheel:s3cret@db:5432/flywheel', host: '127.0.0.1' })).toEqual({
      url: 'postgres://flywheel:***@db:5432/flywheel',
      host: '127.0.0.1',
    });
  });
});
