import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ArtifactNotFoundError } from '../artifact-errors';
import { assertArtifactKey, assertListPrefix } from '../artifact-key';
import { artifactUri, type ArtifactRoot } from '../artifact-root';
import type { ArtifactHead, ArtifactInfo, ArtifactPutOptions, ArtifactStore } from '../artifact-store';
import type { ResolvedS3StoreOptions } from './s3-store-options';

type S3Root = Extract<ArtifactRoot, { scheme: 's3' }>;

/** Artifacts as objects under `s3://bucket/prefix`; uploads stream through multipart when large. */
export class S3ArtifactStore implements ArtifactStore {
  readonly root: string;

  constructor(
    private readonly client: S3Client,
    private readonly location: S3Root,
    private readonly options: ResolvedS3StoreOptions,
  ) {
    this.root = location.uri;
  }

  async put(key: string, body: Buffer | Readable, options: ArtifactPutOptions = {}): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.location.bucket,
        Key: this.objectKey(key),
        Body: body,
        ContentType: options.contentType,
      },
      partSize: this.options.partSizeBytes,
      queueSize: this.options.uploadConcurrency,
      // A failed multipart upload is aborted so no invisible parts keep costing storage.
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async get(key: string): Promise<Readable> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      if (!(output.Body instanceof Readable))
        throw new Error(`S3 returned no readable body for ${this.uri(key)}`);
      return output.Body;
    } catch (error) {
      // Only a missing key: a missing bucket (NoSuchBucket, also 404) stays an S3 error.
      if (error instanceof S3ServiceException && error.name === 'NoSuchKey')
        throw new ArtifactNotFoundError(this.uri(key));
      throw error;
    }
  }

  async head(key: string): Promise<ArtifactHead | undefined> {
    try {
      const output = await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      return {
        key,
        size: output.ContentLength ?? 0,
        lastModified: output.LastModified ?? new Date(0),
        contentType: output.ContentType,
      };
    } catch (error) {
      // HEAD responses carry no error code, so a missing bucket also reads as "no artifact".
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async *list(prefix = ''): AsyncIterable<ArtifactInfo> {
    assertListPrefix(prefix);
    const base = this.location.prefix ? `${this.location.prefix}/` : '';
    const pages = paginateListObjectsV2(
      { client: this.client, pageSize: this.options.listPageSize },
      { Bucket: this.location.bucket, Prefix: base + prefix },
    );
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield {
          key: object.Key.slice(base.length),
          size: object.Size ?? 0,
          lastModified: object.LastModified ?? new Date(0),
        };
      }
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
    );
  }

  uri(key: string): string {
    return artifactUri(this.location, key);
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }

  private objectKey(key: string): string {
    assertArtifactKey(key);
    return this.location.prefix ? `${this.location.prefix}/${key}` : key;
  }
}
