import { hashString } from '../engine/hash.js';

/**
 * The seed a request carries: a hash of the run's --seed, the item and the
 * first sample the request asks for. Samples of one item asked for in
 * separate requests (a server that returns one choice at a time) must not
 * share a seed, or they would all be the same text; the same command asks
 * the same requests with the same seeds. Kept below 2^31, which every server
 * reads as a plain integer.
 */
export function requestSeed(seed: number, id: string, firstSample: number): number {
  return hashString(`${seed}\u0000${id}\u0000${firstSample}`, 0x5eed) & 0x7fffffff;
}
