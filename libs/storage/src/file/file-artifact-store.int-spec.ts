import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { describeArtifactStoreContract } from '../../test/artifact-store-contract';
import { createArtifactStore } from '../create-artifact-store';

let dir: string;

describeArtifactStoreContract(
  'file:// store',
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'flywheel-artifacts-'));
    const root = pathToFileURL(join(dir, 'root')).href;
    return {
      store: createArtifactStore(root),
      pagedStore: createArtifactStore(root),
      pageSize: 7,
      keepsContentType: false,
    };
  },
  () => rm(dir, { recursive: true, force: true }),
);

describe('file:// store specifics', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'flywheel-artifacts-'));
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('leaves the previous artifact intact and no temp file when a streamed write fails', async () => {
    const store = createArtifactStore(pathToFileURL(folder).href);
    await store.put('m.bin', Buffer.from('good'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('upstream broke'));
      },
    });
    await expect(store.put('m.bin', failing)).rejects.toThrow(
      /cannot write artifact file:.*m\.bin: upstream broke/,
    );
    const text = Buffer.concat(await (await store.get('m.bin')).toArray()).toString();
    expect(text).toBe('good');
    expect(await readdir(folder)).toEqual(['m.bin']);
  });

  it('hides in-flight temp files from listings and refuses keys shaped like them', async () => {
    const store = createArtifactStore(pathToFileURL(folder).href);
    await store.put('runs/m.bin', Buffer.from('done'));
    // What a crashed or still-running write leaves beside its target.
    await writeFile(join(folder, 'runs', '.m.bin.0123456789abcdef.partial'), 'half');
    const listed: string[] = [];
    for await (const item of store.list('runs/')) listed.push(item.key);
    expect(listed).toEqual(['runs/m.bin']);
    await expect(store.put('runs/.m.bin.0123456789abcdef.partial', Buffer.from('x'))).rejects.toThrow(
      /reserved/,
    );
  });

  it('creates the root folder on first write', async () => {
    const store = createArtifactStore(pathToFileURL(join(folder, 'not', 'yet')).href);
    expect(await readdir(folder)).toEqual([]);
    await store.put('k', Buffer.from('v'));
    expect(await readdir(join(folder, 'not', 'yet'))).toEqual(['k']);
  });
});
