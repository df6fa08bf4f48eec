/**
 * Exact two-sided p-value P(D ≥ h / lcm(n1, n2)) of the two-sample Kolmogorov-Smirnov
 * statistic under the null, by counting lattice paths (Hodges 1958), as scipy's `ks_2samp`
 * does in its 'exact' mode. `h` is the statistic times lcm(n1, n2), an integer.
 */
export function exactKsPValue(n1: number, n2: number, h: number): number {
  if (h <= 0) return 1;
  return n1 === n2 ? equalSizeTail(n1, h) : outsideBandProbability(Math.max(n1, n2), Math.min(n1, n2), h);
}

/**
 * Equal sizes n: 2 Σ_{k≥1} (-1)^{k+1} C(2n, n - kh) / C(2n, n), nested as
 * 2 R₀ (1 - R₁ (1 - R₂ (...))) with R_k = C(2n, n-(k+1)h) / C(2n, n-kh), which avoids the
 * cancellation of the alternating sum. O(n).
 */
function equalSizeTail(n: number, h: number): number {
  let tail = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    tail = ratio * (1 - tail);
  }
  return 2 * tail;
}

/**
 * Unequal sizes m > n: the share of monotone lattice paths from (0, 0) to (m, n) that leave
 * the band |x/m - y/n| < h/lcm. Q(x, y), the share of paths to (x, y) that already left,
 * obeys Q(x, y) = (x Q(x-1, y) + y Q(x, y-1)) / (x + y) with Q = 1 outside the band
 * (Viehmann 2021): every value stays in [0, 1], so nothing overflows or cancels. Only the
 * band's window of each column is stored and visited: O(m · window) time, O(n) memory.
 */
function outsideBandProbability(m: number, n: number, h: number): number {
  const divisor = gcd(m, n);
  const mStep = m / divisor;
  const nStep = n / divisor;
  // Column x keeps rows y in [low, high): those with |nStep·x - mStep·y| < h.
  const lowOf = (x: number): number => Math.min(n, Math.max(0, Math.floor((nStep * x - h) / mStep) + 1));
  const highOf = (x: number): number => Math.min(n + 1, Math.ceil((nStep * x + h) / mStep));
  let previous = new Float64Array(n + 1);
  let current = new Float64Array(n + 1);
  let previousLow = 0;
  let previousHigh = highOf(0);
  previous.fill(0, 0, previousHigh);
  for (let x = 1; x <= m; x++) {
    const low = lowOf(x);
    const high = highOf(x);
    if (high <= low) return 1;
    let below = 1; // Q(x, low - 1): outside the band, or unused when low = 0.
    for (let y = low; y < high; y++) {
      const left = y >= previousLow && y < previousHigh ? previous[y]! : 1;
      below = (x * left + y * below) / (x + y);
      current[y] = below;
    }
    [previous, current] = [current, previous];
    previousLow = low;
    previousHigh = high;
  }
  return n >= previousLow && n < previousHigh ? previous[n]! : 1;
}

/** Greatest common divisor of two positive integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
