/** How the page writes numbers and times; the browser test reads them back with the same rules. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in powers of 1024 with one decimal: `1.5 TB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${UNITS[unit]}`;
}

/** A share with one decimal: `6.8 %`; a dash when unknown. */
export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '–' : `${percent.toFixed(1)} %`;
}

/** A UTC time to the minute, `2026-12-05 23:57` (headings say UTC): the same for every viewer, as the graph's times are. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return 'never';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A capacity forecast in words, as the trend section shows it (docs/history.md "Capacity forecast"). */
export function formatForecast(kind: string, daysUntilFull: number | null | undefined): string {
  if (kind === 'FULL_IN') return daysUntilFull === null || daysUntilFull === undefined ? 'full soon' : `full in ${Math.round(daysUntilFull)} days`;
  if (kind === 'NOT_GROWING') return 'not growing';
  return 'too little history';
}
