/**
 * How both adapters store a request's access-need flags in the cases table's `access_needs` text
 * column: the flags asked for, comma-separated in the order of `accessNeedFlags`; "" for none; NULL
 * for a request made before the column existed (the report says "not recorded").
 */
import { accessNeedFlags, type AccessNeedFlag } from './types.ts';

/** The column's value for these flags; anything that is not a known flag is dropped. */
export function storedAccessNeeds(flags: readonly AccessNeedFlag[]): string {
  return accessNeedFlags.filter((flag) => flags.includes(flag)).join(',');
}

/** The flags a stored value holds; null stays null (not recorded). */
export function accessNeedsFromColumn(value: string | null): AccessNeedFlag[] | null {
  if (value === null) return null;
  return accessNeedFlags.filter((flag) => value.split(',').includes(flag));
}
