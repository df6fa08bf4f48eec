/** An infrastructure client opened for this process, with how to probe and release it. */
export interface OpenedResource<T> {
  value: T;
  /** Resolves when the resource answers (e.g. `SELECT 1`); rejects naming what failed. */
  check(): Promise<void>;
  /** Releases the client and anything started for it (an embedded server). */
  close(): Promise<void>;
}
