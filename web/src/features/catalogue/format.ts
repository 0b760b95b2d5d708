import type { TProcessingTime } from '@motcua/contracts';

type T = (key: never, params?: Record<string, string | number>) => string;

export function processingTimeText(t: T, p: TProcessingTime): string {
  return t(`catalogue.time.${p.unit}` as never, { value: p.value });
}
