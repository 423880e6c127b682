/**
 * Money in green, money out red, both dark enough for WCAG AA on white and on a hovered row
 * (Mantine's green 9 is 4.3:1, just short).
 */
export function amountColor(cents: number): string {
  return cents > 0 ? '#1f6b30' : 'var(--mantine-color-red-9)';
}
