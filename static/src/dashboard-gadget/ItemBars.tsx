import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ItemResult } from '../../../src/core/types';
import { ITEM_TEXT } from '../../../src/core/categories';
import { formatPercent } from '../shared/format';
import { ITEM_NAMES } from './words';

const rowStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) 88px 4.5em',
  alignItems: 'center',
  gap: token('space.100'),
  padding: `${token('space.025')} 0`,
} as const;
const labelStyle = { font: token('font.body.small'), color: token('color.text') } as const;
const valueStyle = { font: token('font.body.small'), color: token('color.text'), textAlign: 'end' } as const;
const subtleValue = { ...valueStyle, color: token('color.text.subtle') } as const;
const trackStyle = {
  height: '8px',
  background: token('color.background.neutral'),
  borderRadius: token('radius.small'),
  overflow: 'hidden',
} as const;

/**
 * Items (a) to (h), a small bar each. The bar is a meter with its value for assistive technology;
 * the same percentage is written beside it, so colour and length never carry it alone.
 */
export function ItemBars({ items }: { items: ItemResult[] }) {
  return (
    <section aria-labelledby="c51-gadget-items">
      <Stack space="space.050">
        <Heading size="xxsmall" as="h3" id="c51-gadget-items">
          Items (a) to (h)
        </Heading>
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {items.map((item) => {
            const labelId = `c51-gadget-item-${item.id}`;
            return (
              <li key={item.id} style={rowStyle}>
                <span id={labelId} style={labelStyle} title={`Top management ${ITEM_TEXT[item.id]}`}>
                  <strong>({item.id})</strong> {ITEM_NAMES[item.id]}
                </span>
                {item.coverage === null ? (
                  <>
                    <span aria-hidden="true" />
                    <span style={subtleValue}>Not assessed</span>
                  </>
                ) : (
                  <>
                    <div
                      role="meter"
                      aria-labelledby={labelId}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={item.coverage}
                      aria-valuetext={formatPercent(item.coverage)}
                      style={trackStyle}
                    >
                      <div
                        style={{
                          width: `${Math.max(0, Math.min(100, item.coverage))}%`,
                          height: '100%',
                          background: token('color.background.brand.bold'),
                        }}
                      />
                    </div>
                    <span style={valueStyle} aria-hidden="true">
                      {formatPercent(item.coverage)}
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </Stack>
    </section>
  );
}
