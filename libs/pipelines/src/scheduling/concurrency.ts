import type { ConcurrencyPolicy } from '../pipeline';

export type RunAdmission =
  | {
      readonly admit: true;
      /** Runs to cancel before the new one starts (`replace`). */
      readonly cancelRuns: readonly string[];
    }
  | { readonly admit: false; readonly reason: string };

/** Whether a new run may start given the pipeline's active runs, per its concurrency policy. */
export function admitRun(policy: ConcurrencyPolicy, activeRunIds: readonly string[]): RunAdmission {
  switch (policy) {
    case 'allow':
      return { admit: true, cancelRuns: [] };
    case 'replace':
      return { admit: true, cancelRuns: activeRunIds };
    case 'forbid': {
      if (activeRunIds.length === 0) return { admit: true, cancelRuns: [] };
      const active =
        activeRunIds.length === 1 ? `run ${activeRunIds[0]} is` : `runs ${activeRunIds.join(', ')} are`;
      return { admit: false, reason: `concurrency is forbid and ${active} still active` };
    }
  }
}
