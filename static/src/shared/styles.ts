/** Styles more than one screen draws with, in design tokens so light and dark both read. */
import { xcss } from '@atlaskit/primitives';

/** A bordered card: the summary, what to fix first, a category on the issue panel. */
export const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

/** A list read as a list by screen readers, without the browser's bullets and indent. */
export const bareListStyle = { margin: 0, padding: 0, listStyle: 'none' } as const;
