/**
 * The one place that reads the wall clock. Everything else takes `now` from the Clock it was given at
 * construction (the app, the worker, the demo seed) or from the request or job it is serving, so tests fix
 * time and the suite passes at any hour (lint forbids `new Date()` and `Date.now()` elsewhere).
 */
export type Clock = { now(): Date };

export const systemClock: Clock = {
  now: () => new Date(),
};

export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

/** A clock that stands still at `at` until moved; tests and the simulator use it. */
export function fixedClock(at: Date | string): ManualClock {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A clock that ticks in real time from `at` (a demo or a test that needs elapsed time, at a chosen hour). */
export function clockStartingAt(at: Date | string, real: Clock = systemClock): Clock {
  const offset = new Date(at).getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
