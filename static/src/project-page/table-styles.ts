import { token } from '@atlaskit/tokens';

/** The project page's tables: a cell, a header cell, and a tighter cell for long lists. */
export const cell = {
  padding: `${token('space.100')} ${token('space.150')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

export const headCell = {
  ...cell,
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
} as const;

export const compactCell = { ...cell, padding: `${token('space.050')} ${token('space.150')}` } as const;
export const compactHeadCell = { ...headCell, padding: compactCell.padding } as const;
