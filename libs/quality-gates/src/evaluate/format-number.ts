/**
 * A number as people read it in an explanation: twelve significant digits at most, so float
 * noise from subtraction (0.005000000000000004) disappears while a value just below a
 * threshold (0.8699999) still reads as below it.
 */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
