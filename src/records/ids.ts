import type { VariantId } from './problem.js';

export interface ItemAddress {
  readonly template: string;
  readonly split: 'test' | 'train';
  readonly seed: number;
  readonly set: number;
  readonly variant: VariantId;
}

/** `<template>:<split>:<seed>:<set>:<variant>`: readable, and enough to regenerate the item. */
export function itemId(address: ItemAddress): string {
  return `${address.template}:${address.split}:${address.seed}:${address.set}:${address.variant}`;
}

const ID = /^([a-z0-9/-]+):(test|train):(\d+):(\d+):([a-z0-9]+)$/;

export function parseItemId(id: string): ItemAddress | null {
  const match = ID.exec(id);
  if (match === null) return null;
  const [, template = '', split, seed = '', set = '', variant = ''] = match;
  // A seed or set past 2^53 - 1 would round to a neighbour and name another item.
  if (!Number.isSafeInteger(Number(seed)) || !Number.isSafeInteger(Number(set))) return null;
  return { template, split: split as 'test' | 'train', seed: Number(seed), set: Number(set), variant: variant as VariantId };
}
