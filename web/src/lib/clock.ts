/**
 * The web app's one reader of the device clock (lint forbids `new Date()` and `Date.now()` elsewhere), so a
 * screen's idea of "now" is found in one place and can be fixed in tests.
 */
export function now(): Date {
  return new Date();
}

/** The current year in Việt Nam, whatever the device's time zone. */
export function vietnamYear(at: Date = now()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(at));
}
