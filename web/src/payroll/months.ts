// Months for the payroll pages: the last 24 as "YYYY-MM", and their Swedish names ("mars 2026").
import { today } from '../platform/dates';

export const PAGE_SIZE = 200;

const NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${NAMES[m - 1]} ${y}`;
}

export function recentMonths(): string[] {
  const [y, m] = today().split('-').map(Number);
  return Array.from({ length: 24 }, (_, i) => {
    const t = y * 12 + (m - 1) - i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}
