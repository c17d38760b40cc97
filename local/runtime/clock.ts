/**
 * The runtime's notion of "now": fixed (for reproducible runs and `--now`) or following the real
 * clock, plus an offset that Utilities.sleep and lock waits advance.
 */
export class Clock {
  private fixed: number | undefined;
  private offset = 0;

  /** A clock fixed at `now`, or following the real time when `now` is omitted. */
  constructor(now?: Date | number | string) {
    if (now !== undefined) this.set(now);
  }

  /** Current time in milliseconds since the epoch. */
  now(): number {
    return (this.fixed ?? Date.now()) + this.offset;
  }

  /** Fixes the clock at the given instant. */
  set(now: Date | number | string): void {
    const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
    if (!Number.isFinite(ms)) throw new Error(`Invalid date for the clock: ${String(now)}`);
    this.fixed = ms;
    this.offset = 0;
  }

  /** Moves the clock forward (sleep, lock waits). */
  advance(ms: number): void {
    if (ms > 0) this.offset += ms;
  }

  /** True when the clock was fixed rather than following real time. */
  get isFixed(): boolean {
    return this.fixed !== undefined;
  }
}

/**
 * A `Date` constructor for the bundle's realm whose `new Date()` and `Date.now()` read the clock.
 * It is a host-realm constructor sharing `Date.prototype`, so every date it makes is a host `Date`
 * and `instanceof Date` holds for dates crossing between the bundle and the runtime either way.
 */
export function createClockDate(clock: Clock): DateConstructor {
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Date(clock.now()).toString();
    const ctorArgs = args.length === 0 ? [clock.now()] : args;
    return Reflect.construct(Date, ctorArgs, new.target);
  }
  Object.setPrototypeOf(ClockDate, Date);
  Object.defineProperty(ClockDate, 'prototype', { value: Date.prototype, writable: false });
  Object.defineProperty(ClockDate, 'now', { value: () => clock.now(), writable: true, configurable: true });
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  return ClockDate as unknown as DateConstructor;
}
