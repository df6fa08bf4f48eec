import { resolveS3StoreOptions } from './s3-store-options';

describe('resolveS3StoreOptions', () => {
  it('defaults to 8 MiB parts, 4 parallel parts and 1000-key pages', () => {
    expect(resolveS3StoreOptions({})).toEqual({
      partSizeBytes: 8 * 1024 * 1024,
      uploadConcurrency: 4,
      listPageSize: 1000,
    });
  });

  it('names the option out of range', () => {
    expect(() => resolveS3StoreOptions({ partSizeBytes: 1024 })).toThrow(
      'S3StoreOptions.partSizeBytes must be an integer >= 5242880',
    );
    expect(() => resolveS3StoreOptions({ uploadConcurrency: 0 })).toThrow(
      'S3StoreOptions.uploadConcurrency must be a positive integer',
    );
    expect(() => resolveS3StoreOptions({ listPageSize: 1001 })).toThrow(
      'S3StoreOptions.listPageSize must be an integer from 1 to 1000',
    );
  });
});
