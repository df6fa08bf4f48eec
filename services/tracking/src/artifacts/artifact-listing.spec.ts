import type { ArtifactInfo } from '@flywheel/storage';
import { listChildren } from './artifact-listing';

async function* listing(keys: [string, number][]): AsyncIterable<ArtifactInfo> {
  for (const [key, size] of keys) yield { key, size, lastModified: new Date(0) };
  await Promise.resolve();
}

describe('listChildren', () => {
  it('lists files directly in the directory and collapses deeper keys into sub-directories', async () => {
    const keys: [string, number][] = [
      ['p/run/artifacts/MLmodel', 120],
      ['p/run/artifacts/model/model.onnx', 4096],
      ['p/run/artifacts/model/conda.yaml', 80],
      ['p/run/artifacts/plots/a/b.png', 1],
    ];
    await expect(listChildren(listing(keys), 'p/run/artifacts/')).resolves.toEqual([
      { path: 'MLmodel', isDir: false, fileSize: 120 },
      { path: 'model', isDir: true },
      { path: 'plots', isDir: true },
    ]);
  });

  it('lists nothing for an empty directory', async () => {
    await expect(listChildren(listing([]), 'x/')).resolves.toEqual([]);
  });
});
