/** Presses of Shift on its own, in a row, that leave the site. */
export const pressesToExit = 3;

/** The longest wait, in milliseconds, between one press and the next. */
export const maxGapMs = 5000;

/**
 * Counts presses of Shift on its own. A press counts when Shift goes down and comes up with no other
 * key (and no click) in between, so Shift used for a capital letter or Shift+Tab never counts.
 * Any other key, or a gap longer than maxGapMs, starts the count again.
 */
export class ShiftPresses {
  #count = 0;
  #lastPressAt = 0;
  #shiftAlone = false;

  /** A key went down. Returns true when this broke a run that had started. */
  keyDown(key: string, repeat: boolean): boolean {
    if (key === 'Shift') {
      // Holding Shift down repeats keydown; only the first one starts a press.
      if (!repeat) this.#shiftAlone = true;
      return false;
    }
    const broken = this.#count > 0;
    this.reset();
    return broken;
  }

  /** A key came up at `now` (ms). Returns the presses in the current run, or 0 when this was not a press. */
  keyUp(key: string, now: number): number {
    if (key !== 'Shift' || !this.#shiftAlone) return 0;
    this.#shiftAlone = false;
    this.#count = this.#count > 0 && now - this.#lastPressAt <= maxGapMs ? this.#count + 1 : 1;
    this.#lastPressAt = now;
    return this.#count;
  }

  /** Starts again: after a click, a timeout or an exit. */
  reset(): void {
    this.#count = 0;
    this.#shiftAlone = false;
  }
}
