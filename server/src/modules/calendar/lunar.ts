// Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's astronomical algorithm
// ("Thuật toán tính âm lịch"): months start on the local day of the astronomical new moon, the
// month containing the winter solstice is month 11, and a 13-month year takes as leap the first
// month without a major solar term. The Vietnamese calendar evaluates all of this at UTC+7
// (the Chinese one at UTC+8), which moves some new moons across midnight: Tết 1985 is
// 21 Jan 1985 in Vietnam but 20 Feb in China; Tết 2007 is 17 Feb vs 18 Feb.
// The series are accurate to minutes for roughly 1800–2199, which bounds the supported years.

export type SolarDate = { year: number; month: number; day: number };
export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Hours east of UTC used for the Vietnamese calendar. */
export const VN_TIME_ZONE = 7;
export const MIN_LUNAR_YEAR = 1800;
export const MAX_LUNAR_YEAR = 2199;

const PI = Math.PI;
const DR = PI / 180;
/** Mean synodic month, in days. */
const SYNODIC = 29.530588853;
/** Julian day of the new moon of 1900-01-01 that anchors the lunation count k. */
const EPOCH_NEW_MOON = 2415021.076998695;

const floor = Math.floor;

/** Julian day number (integer, noon-based) of a proleptic Gregorian date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

export function fromJulianDay(jd: number): SolarDate {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus-style series). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DR);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DR) + 0.0021 * Math.sin(2 * DR * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DR) + 0.0161 * Math.sin(DR * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * f) - 0.0051 * Math.sin(DR * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (m - mpr)) + 0.0004 * Math.sin(DR * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * f - m)) - 0.0006 * Math.sin(DR * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * f - mpr)) + 0.0005 * Math.sin(DR * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians, [0, 2π), at Julian date jdn (UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DR * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(DR * 2 * m) + 0.00029 * Math.sin(DR * 3 * m);
  const l = (l0 + dl) * DR;
  return l - PI * 2 * floor(l / (PI * 2));
}

/** Local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return floor(newMoon(k) + 0.5 + tz / 24);
}

/** Major solar term sector 0..11 (30° each) at local midnight starting day jd. */
function solarTermSector(jd: number, tz: number): number {
  return floor((sunLongitude(jd - 0.5 - tz / 24) / PI) * 6);
}

/** Start (Julian day) of lunar month 11 — the month containing the winter solstice — around the end of year yy. */
function lunarMonth11(yy: number, tz: number): number {
  const off = julianDay(yy, 12, 31) - 2415021;
  const k = floor(off / SYNODIC);
  const nm = newMoonDay(k, tz);
  // Past 270° at the new moon means the solstice already happened: month 11 began one lunation earlier.
  return solarTermSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Index (1-based from the month after month 11) of the leap month in a 13-month year starting at a11. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = floor((a11 - EPOCH_NEW_MOON) / SYNODIC + 0.5);
  let i = 1;
  let arc = solarTermSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
    throw new RangeError(`lunar calendar supports years ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}, got ${year}`);
  }
}

export function solarToLunar(date: SolarDate, tz: number = VN_TIME_ZONE): LunarDate {
  assertYear(date.year);
  const dayNumber = julianDay(date.year, date.month, date.day);
  // The mean lunation only estimates k: the true new moon can be more than a day away from the mean
  // one (e.g. 2054-05-07 would otherwise be "day 0"), so walk to the lunation containing the day.
  let k = floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC) + 1;
  while (newMoonDay(k, tz) > dayNumber) k--;
  while (newMoonDay(k + 1, tz) <= dayNumber) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(date.year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = lunarMonth11(date.year - 1, tz);
  } else {
    lunarYear = date.year + 1;
    b11 = lunarMonth11(date.year + 1, tz);
  }
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day: dayNumber - monthStart + 1, leap };
}

/** Julian day of the first day of a lunar month, or null when that (leap) month does not exist. */
function lunarMonthStart(year: number, month: number, leap: boolean, tz: number): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off, tz);
}

/**
 * Solar date of a lunar date, or null when it does not exist (a leap month the year lacks,
 * or day 30 of a 29-day month).
 */
export function lunarToSolar(date: LunarDate, tz: number = VN_TIME_ZONE): SolarDate | null {
  assertYear(date.year);
  if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) return null;
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > 30) return null;
  const start = lunarMonthStart(date.year, date.month, date.leap, tz);
  if (start === null) return null;
  const jd = start + date.day - 1;
  // The month ends where the next one begins; solarToLunar tells whether day 30 spilled over.
  if (date.day === 30) {
    const back = solarToLunar(fromJulianDay(jd), tz);
    if (back.day !== 30) return null;
  }
  return fromJulianDay(jd);
}

/** Leap month number (1–12) of a lunar year, or null when the year has 12 months. */
export function leapMonthOf(lunarYear: number, tz: number = VN_TIME_ZONE): number | null {
  assertYear(lunarYear);
  for (let month = 1; month <= 12; month++) {
    if (lunarMonthStart(lunarYear, month, true, tz) !== null) return month;
  }
  return null;
}

/** Solar date of Tết Nguyên đán (lunar 1/1) of the lunar year that begins in solar year `year`. */
export function lunarNewYear(year: number, tz: number = VN_TIME_ZONE): SolarDate {
  const d = lunarToSolar({ year, month: 1, day: 1, leap: false }, tz);
  // Month 1 always exists and day 1 always exists, so null here would be a bug in the series.
  if (d === null) throw new Error(`no lunar new year for ${year}`);
  return d;
}

export function formatSolarDate(d: SolarDate): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return `${String(d.year).padStart(4, '0')}-${mm}-${dd}`;
}
