import { vnWall } from '@motcua/contracts';
/** Dates on the forms are Vietnamese civil time (`vnWall`: a fixed +7 h, exact since 1975). */

export type VnDateParts = { hour: string; minute: string; day: string; month: string; year: string };

export function vnParts(date: Date): VnDateParts {
  const d = vnWall(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    hour: two(d.getUTCHours()),
    minute: two(d.getUTCMinutes()),
    day: two(d.getUTCDate()),
    month: two(d.getUTCMonth() + 1),
    year: String(d.getUTCFullYear()),
  };
}

/**
 * "ngày 31 tháng 5 năm 2021", "ngày 05 tháng 02 năm 2021" — ND 30/2020, Phụ lục I: a leading zero on days below 10
 * and on months 1 and 2 only (so that "tháng 1" cannot be extended to "tháng 11" by hand).
 */
export function vnDate(date: Date): string {
  const p = vnParts(date);
  const month = Number(p.month) <= 2 ? p.month : String(Number(p.month));
  return `ngày ${p.day} tháng ${month} năm ${p.year}`;
}

/** "09 giờ 05 phút, ngày 31 tháng 5 năm 2021" — receipt and appointment lines of Mẫu 01. */
export function vnDateTime(date: Date): string {
  const p = vnParts(date);
  return `${p.hour} giờ ${p.minute} phút, ${vnDate(date)}`;
}

/** "Phường An Lạc, ngày 31 tháng 5 năm 2021" — the place-and-date line under the national motto. */
export function placeAndDate(place: string, date: Date): string {
  return `${place}, ${vnDate(date)}`;
}

/** Money in đồng, Vietnamese grouping: 1.250.000 đồng; 0 is "Không thu phí". */
export function vnMoney(dong: number): string {
  if (dong === 0) return 'Không thu phí';
  return `${String(Math.round(dong)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
