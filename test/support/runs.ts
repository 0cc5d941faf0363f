/** Property runs: a quick default for `npm test`, many more under RF_FULL=1 (`npm run test:full`). */
export const FULL = process.env['RF_FULL'] === '1';

export function runs(quick: number, full: number): number {
  return FULL ? full : quick;
}
