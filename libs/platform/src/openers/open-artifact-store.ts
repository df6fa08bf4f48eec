import { createArtifactStore, type ArtifactStore, type S3StoreOptions } from '@flywheel/storage';
import type { OpenedResource } from '../opened-resource';
import type { ArtifactStorePlan } from '../resource-plan';

// Never written: asking for its metadata proves the bucket (or folder) answers and the
// credentials may read it, without listing a whole bucket.
const PROBE_KEY = 'flywheel-readiness-probe';

/** The S3 store with the configured client options, or the local folder. */
export function openArtifactStore(plan: ArtifactStorePlan): OpenedResource<ArtifactStore> {
  const store =
    plan.kind === 's3' ? createArtifactStore(plan.uri, unfrozen(plan.s3)) : createArtifactStore(plan.uri);
  return {
    value: store,
    check: async () => {
      await store.head(PROBE_KEY);
    },
    close: () => store.close(),
  };
}

// Configuration is deeply frozen, but the AWS SDK records where credentials came from by
// writing onto the credentials object it is given.
function unfrozen(options: S3StoreOptions): S3StoreOptions {
  return { ...options, ...(options.credentials && { credentials: { ...options.credentials } }) };
}
