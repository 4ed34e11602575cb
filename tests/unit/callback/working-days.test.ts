import { describe, expect, it } from 'vitest';
import { dueBy, isWorkingDay } from '../../../src/callback/working-days.ts';

const due = (createdAt: string, days = 1) => dueBy(new Date(createdAt), days, 'england-and-wales').toISOString();

describe('dueBy: the end of the promised working days, in London time', () => {
  it('counts from the next working day: a Monday morning request is due by the end of Tuesday', () => {
    expect(due('2026-11-02T09:30:00Z')).toBe('2026-11-04T00:00:00.000Z');
  });

  it('skips the weekend for a Friday evening request', () => {
    expect(due('2026-11-06T19:45:00Z')).toBe('2026-11-10T00:00:00.000Z');
  });

  it('treats a Saturday request like one made on Friday night', () => {
    expect(due('2026-11-07T02:00:00Z')).toBe('2026-11-10T00:00:00.000Z');
  });

  it('skips Christmas Day, Boxing Day and the substitute day', () => {
    expect(due('2026-12-24T15:00:00Z')).toBe('2026-12-30T00:00:00.000Z');
  });

  it('skips New Year\'s Day', () => {
    expect(due('2026-12-31T10:00:00Z')).toBe('2027-01-05T00:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026, noon BST. Due by the end of Tuesday 7 April, midnight BST.
    expect(due('2026-04-02T11:00:00Z')).toBe('2026-04-07T23:00:00.000Z');
  });

  it('ends the day at London midnight after the clocks go forward (29 March 2026)', () => {
    // Friday 27 March, 18:00 GMT → end of Monday 30 March, which is midnight BST.
    expect(due('2026-03-27T18:00:00Z')).toBe('2026-03-30T23:00:00.000Z');
  });

  it('ends the day at London midnight after the clocks go back (25 October 2026)', () => {
    // Friday 23 October, 20:00 BST → end of Monday 26 October, which is midnight GMT.
    expect(due('2026-10-23T19:00:00Z')).toBe('2026-10-27T00:00:00.000Z');
  });

  it('uses the London date, not the UTC date, just after midnight in summer', () => {
    // 00:30 BST on Tuesday 7 July is still Monday in UTC.
    expect(due('2026-07-06T23:30:00Z')).toBe('2026-07-08T23:00:00.000Z');
  });

  it('gives the next London day its own due time, one moment either side of midnight, in summer and in winter', () => {
    // Asked in this order, each answer must come from its own day, not from the one asked before.
    expect(due('2026-07-06T22:59:59.999Z')).toBe('2026-07-07T23:00:00.000Z');
    expect(due('2026-07-06T23:00:00.000Z')).toBe('2026-07-08T23:00:00.000Z');
    expect(due('2026-07-06T22:59:59.999Z')).toBe('2026-07-07T23:00:00.000Z');
    expect(due('2026-11-02T23:59:59.999Z')).toBe('2026-11-04T00:00:00.000Z');
    expect(due('2026-11-03T00:00:00.000Z')).toBe('2026-11-05T00:00:00.000Z');
    expect(due('2026-11-03T00:00:00.000Z', 2)).toBe('2026-11-06T00:00:00.000Z');
  });

  it('counts several working days when the promise is longer', () => {
    expect(due('2026-11-06T12:00:00Z', 3)).toBe('2026-11-12T00:00:00.000Z');
  });

  it('knows a bank holiday from an observance', () => {
    expect(isWorkingDay({ year: 2026, month: 8, day: 31 }, 'england-and-wales')).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 3, day: 16 }, 'england-and-wales')).toBe(true);
    // St Andrew's Day substitute is a Scottish bank holiday only.
    expect(isWorkingDay({ year: 2026, month: 11, day: 30 }, 'england-and-wales')).toBe(true);
  });
});
