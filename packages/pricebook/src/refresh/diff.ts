/**
 * What a refresh changes: old vs new records, matched by `recordKey` (cloud, service, sku, region, term, unit and the
 * identifying attributes). `changed` = same key, different price (usd or tiers, compared as decimals: "0.0960" equals
 * "0.096"); `moved` = the changes whose `usd` moved by more than the threshold (20 % by default) in either direction,
 * including from or to 0.
 */
import type { PriceRecord } from '@backarch/core';
import { compare, divide, isZero, minus, shift } from './decimal-text';
import { recordKey } from './types';

export interface RecordChange {
  key: string;
  before: PriceRecord;
  after: PriceRecord;
  /** (after − before) ÷ before in percent, rounded to 1 decimal ("25", "-33.3"); undefined when before is 0. */
  percent?: string;
}

export interface RecordDiff {
  added: PriceRecord[];
  removed: PriceRecord[];
  changed: RecordChange[];
  /** Changes of more than the threshold (a subset of `changed`). */
  moved: RecordChange[];
  unchanged: number;
}

const sameTiers = (a: PriceRecord['tiers'], b: PriceRecord['tiers']) =>
  (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((t, i) => compare(t.from, b![i]!.from) === 0 && compare(t.usd, b![i]!.usd) === 0);

/** Percent change, rounded to 1 decimal; undefined from 0. */
export function percentChange(before: string, after: string): string | undefined {
  if (isZero(before)) return undefined;
  return divide(shift(minus(after, before), 2), before, 1);
}

/** `threshold` is a fraction as decimal text: "0.2" = 20 %. */
export function diffRecords(before: readonly PriceRecord[], after: readonly PriceRecord[], threshold = '0.2'): RecordDiff {
  const old = new Map<string, PriceRecord>();
  for (const record of before) old.set(recordKey(record), record);
  const added: PriceRecord[] = [];
  const changed: RecordChange[] = [];
  const moved: RecordChange[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const record of after) {
    const key = recordKey(record);
    seen.add(key);
    const previous = old.get(key);
    if (!previous) {
      added.push(record);
      continue;
    }
    if (compare(previous.usd, record.usd) === 0 && sameTiers(previous.tiers, record.tiers)) {
      unchanged++;
      continue;
    }
    const percent = percentChange(previous.usd, record.usd);
    const change: RecordChange = { key, before: previous, after: record, ...(percent !== undefined ? { percent } : {}) };
    changed.push(change);
    // Compared unrounded: a 20.04 % move shows as "20" but is more than 20 %.
    const movedBy = isZero(previous.usd) ? undefined : divide(shift(minus(record.usd, previous.usd), 2), previous.usd, 18).replace(/^-/, '');
    if (movedBy === undefined ? !isZero(record.usd) : compare(movedBy, shift(threshold, 2)) > 0) moved.push(change);
  }
  const removed = [...old.entries()].filter(([key]) => !seen.has(key)).map(([, record]) => record);
  return { added, removed, changed, moved, unchanged };
}
