/** How every report writes numbers, so the HTML, the Markdown and stdout agree to the digit. */

/** 0.7134 -> "71.3%". */
export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** 0.18 -> "18.0", as points of accuracy (no sign for positive). */
export function points(share: number, digits = 1): string {
  const value = share * 100;
  // -0.0 reads as a drop that went the other way; print it as 0.0.
  return (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toFixed(digits);
}

/** "[68.2, 74.1]" in percent, or "" without an interval. */
export function interval(low: number | null, high: number | null, digits = 1): string {
  return low === null || high === null ? '' : `[${(low * 100).toFixed(digits)}, ${(high * 100).toFixed(digits)}]`;
}

/**
 * A p-value as papers print it: "p < 0.001", else two significant digits
 * ("p = 0.0012", "p = 0.050", "p = 0.31"), so 0.0497 never reads as 0.05.
 */
export function pValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toPrecision(2)}`;
}

/** How the intervals were made, for a report's header; says plainly when there are none. */
export function intervalMethod(options: { readonly bootstrap: number; readonly confidence: number }): string {
  if (options.bootstrap === 0) return 'no confidence intervals (--bootstrap 0)';
  return `${Math.round(options.confidence * 100)}% percentile bootstrap over items (${count(options.bootstrap)} resamples)`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
