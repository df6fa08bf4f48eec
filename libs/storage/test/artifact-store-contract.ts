import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  ArtifactNotFoundError,
  InvalidArtifactKeyError,
  resolveArtifactUri,
  type ArtifactInfo,
  type ArtifactStore,
} from '../src/index';

export interface ContractSubject {
  /** A store on a fresh, empty root. */
  store: ArtifactStore;
  /** Same root, listing `pageSize` keys per request (to prove pagination). */
  pagedStore: ArtifactStore;
  pageSize: number;
  /** Whether `head` reports the content type given to `put`. */
  keepsContentType: boolean;
}

/**
 * The behaviour every ArtifactStore must show, run against each implementation with a real
 * backend (an S3 server, a local folder). `setup` runs once per suite.
 */
export function describeArtifactStoreContract(
  name: string,
  setup: () => Promise<ContractSubject>,
  teardown: () => Promise<void>,
): void {
  describe(`${name} (ArtifactStore contract)`, () => {
    let subject: ContractSubject;
    let store: ArtifactStore;

    beforeAll(async () => {
      subject = await setup();
      store = subject.store;
    });

    afterAll(async () => {
      await Promise.all([subject.store.close(), subject.pagedStore.close()]);
      await teardown();
    });

    it('stores a Buffer and streams it back with its size in head', async () => {
      await store.put('runs/1/params.json', Buffer.from('{"lr":0.1}'), { contentType: 'application/json' });
      expect((await buffer(await store.get('runs/1/params.json'))).toString()).toBe('{"lr":0.1}');
      const head = await store.head('runs/1/params.json');
      expect(head).toMatchObject({ key: 'runs/1/params.json', size: 10 });
      expect(head?.lastModified).toBeInstanceOf(Date);
      if (subject.keepsContentType) expect(head?.contentType).toBe('application/json');
    });

    it('stores a stream and replaces an existing artifact', async () => {
      await store.put('runs/1/notes.txt', Buffer.from('first'));
      await store.put('runs/1/notes.txt', Readable.from([Buffer.from('sec'), Buffer.from('ond')]));
      expect((await buffer(await store.get('runs/1/notes.txt'))).toString()).toBe('second');
    });

    it('reports a missing artifact: get rejects, head is undefined, delete succeeds', async () => {
      await expect(store.get('runs/none/model.onnx')).rejects.toBeInstanceOf(ArtifactNotFoundError);
      await expect(store.get('runs/none/model.onnx')).rejects.toThrow(
        /artifact .*runs\/none\/model\.onnx does not exist/,
      );
      await expect(store.head('runs/none/model.onnx')).resolves.toBeUndefined();
      await expect(store.delete('runs/none/model.onnx')).resolves.toBeUndefined();
    });

    it('treats a "folder" of other keys as no artifact', async () => {
      await expect(store.head('runs/1')).resolves.toBeUndefined();
      await expect(store.get('runs/1')).rejects.toBeInstanceOf(ArtifactNotFoundError);
    });

    it('deletes an artifact', async () => {
      await store.put('tmp/delete-me', Buffer.from('x'));
      await store.delete('tmp/delete-me');
      await expect(store.head('tmp/delete-me')).resolves.toBeUndefined();
      expect(await keysOf(store.list('tmp/'))).toEqual([]);
    });

    it('lists keys by string prefix in byte order, page by page', async () => {
      const keys = Array.from(
        { length: subject.pageSize * 3 + 2 },
        (_, i) => `list/item-${String(i).padStart(3, '0')}`,
      );
      keys.push('list/a-b', 'list/a/b', 'list/a/c/d', 'list-sibling/x', 'list/Z', 'list/é');
      await Promise.all(keys.map((key) => store.put(key, Buffer.from(key))));
      const expected = keys
        .filter((k) => k.startsWith('list/'))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(await keysOf(subject.pagedStore.list('list/'))).toEqual(expected);
      const tens = Array.from({ length: 10 }, (_, i) => `list/item-00${i}`);
      expect(await keysOf(store.list('list/item-00'))).toEqual(tens);
      expect(await keysOf(store.list('list/a'))).toEqual(['list/a-b', 'list/a/b', 'list/a/c/d']);
      expect(await keysOf(store.list('nothing-here/'))).toEqual([]);
      const entry = (await collect(store.list('list/a/b')))[0];
      expect(entry).toMatchObject({ key: 'list/a/b', size: 8 });
    });

    it('lists everything under the root with an empty prefix', async () => {
      const all = await keysOf(store.list());
      expect(all).toEqual(
        expect.arrayContaining(['runs/1/params.json', 'runs/1/notes.txt', 'list-sibling/x']),
      );
    });

    it('streams a 12 MB upload in and out byte for byte', async () => {
      const { chunks, sha256, size } = pseudoRandomChunks(12 * 1024 * 1024, 64 * 1024);
      await store.put('big/model.bin', Readable.from(chunks), { contentType: 'application/octet-stream' });
      expect((await store.head('big/model.bin'))?.size).toBe(size);
      const hash = createHash('sha256');
      let received = 0;
      for await (const chunk of await store.get('big/model.bin')) {
        hash.update(chunk as Buffer);
        received += (chunk as Buffer).length;
      }
      expect(received).toBe(size);
      expect(hash.digest('hex')).toBe(sha256);
    });

    it('rejects keys that could escape the root in every method', async () => {
      for (const key of ['../outside', '/abs', 'a//b', 'a\\b', 'a\u0000b', 'a/./b', '']) {
        await expect(store.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store.get(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store.head(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        expect(() => store.uri(key)).toThrow(InvalidArtifactKeyError);
      }
      await expect(collect(store.list('../'))).rejects.toBeInstanceOf(InvalidArtifactKeyError);
    });

    it('gives URIs that resolve back to the key under its root', () => {
      const uri = store.uri('runs/1/model file.onnx');
      expect(resolveArtifactUri(uri, [store.root])).toEqual({
        root: store.root,
        key: 'runs/1/model file.onnx',
      });
    });
  });
}

async function collect(items: AsyncIterable<ArtifactInfo>): Promise<ArtifactInfo[]> {
  const out: ArtifactInfo[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function keysOf(items: AsyncIterable<ArtifactInfo>): Promise<string[]> {
  return (await collect(items)).map((item) => item.key);
}

/** Deterministic incompressible data in chunks, with its hash, without holding it twice. */
function pseudoRandomChunks(
  size: number,
  chunkSize: number,
): { chunks: Buffer[]; sha256: string; size: number } {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let counter = 0;
  for (let offset = 0; offset < size; offset += chunkSize) {
    const chunk = Buffer.alloc(Math.min(chunkSize, size - offset));
    for (let i = 0; i < chunk.length; i += 32) {
      createHash('sha256').update(String(counter++)).digest().copy(chunk, i);
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { chunks, sha256: hash.digest('hex'), size };
}
