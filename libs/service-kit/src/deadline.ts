/** Resolves true when `work` finishes before `deadline` (epoch ms), false when time runs out first. */
export function finishesBefore(deadline: number, work: Promise<unknown>): Promise<boolean> {
  return raceTimer(
    work.then(() => true),
    Math.max(0, deadline - Date.now()),
    () => false,
  );
}

/**
 * `work`'s outcome, or `onTimeout()`'s once `ms` pass first (a thrown error rejects); the timer
 * is cleared either way.
 */
export async function raceTimer<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Resolving with a promise of onTimeout() rejects the race when it throws.
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(Promise.resolve().then(onTimeout)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
