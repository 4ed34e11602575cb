import { describe, expect, it } from 'vitest';
import { maxGapMs, pressesToExit, ShiftPresses } from '../../../src/components/shift-presses.ts';

/** Shift down and up on its own at `at` ms; returns the count. */
const press = (presses: ShiftPresses, at: number) => {
  presses.keyDown('Shift', false);
  return presses.keyUp('Shift', at);
};

describe('ShiftPresses', () => {
  it('counts three presses of Shift on its own', () => {
    const presses = new ShiftPresses();
    expect([press(presses, 0), press(presses, 300), press(presses, 600)]).toEqual([1, 2, pressesToExit]);
  });

  it('never counts Shift used for a capital letter: "Hello World"', () => {
    const presses = new ShiftPresses();
    for (const char of 'Hello World') {
      const capital = char !== char.toLowerCase();
      if (capital) presses.keyDown('Shift', false);
      presses.keyDown(char, false);
      presses.keyUp(char, 0);
      if (capital) expect(presses.keyUp('Shift', 0)).toBe(0);
    }
  });

  it('starts again after any other key, and says a run was broken', () => {
    const presses = new ShiftPresses();
    press(presses, 0);
    press(presses, 100);
    expect(presses.keyDown('a', false)).toBe(true);
    expect(press(presses, 200)).toBe(1);
    expect(new ShiftPresses().keyDown('a', false)).toBe(false);
  });

  it('starts again after a gap longer than 5 seconds, not at exactly 5', () => {
    const presses = new ShiftPresses();
    press(presses, 0);
    expect(press(presses, maxGapMs)).toBe(2);
    expect(press(presses, 2 * maxGapMs + 1)).toBe(1);
  });

  it('counts holding Shift down as one press, however long its key repeats', () => {
    const presses = new ShiftPresses();
    presses.keyDown('Shift', false);
    presses.keyDown('Shift', true);
    presses.keyDown('Shift', true);
    expect(presses.keyUp('Shift', 0)).toBe(1);
  });

  it('does not count a Shift released after a reset (a click while Shift was held)', () => {
    const presses = new ShiftPresses();
    presses.keyDown('Shift', false);
    presses.reset();
    expect(presses.keyUp('Shift', 0)).toBe(0);
  });
});
