import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ProjectReport } from '../../../src/contract/invoke';
import { ITEM_TEXT } from '../../../src/core/categories';
import { formatPercent } from '../shared/format';

const track = xcss({
  width: '120px',
  height: '8px',
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  overflow: 'hidden',
  flexShrink: 0,
});

/** A decorative bar; the percentage beside it says the same in words. */
function Meter({ value }: { value: number }) {
  return (
    <Box xcss={track} aria-hidden="true">
      <div style={{ width: `${value}%`, height: '100%', background: token('color.background.brand.bold') }} />
    </Box>
  );
}

/** Items (a) to (h) of Clause 5.1: what top management must do, and how well it is evidenced. */
export function ItemList({ report }: { report: ProjectReport }) {
  return (
    <section aria-labelledby="c51-items">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="c51-items">
          Clause 5.1 items (a) to (h)
        </Heading>
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {report.items.map((item) => {
            const sources = report.categories
              .filter((c) => c.items.includes(item.id) && c.status !== 'disabled')
              .map((c) => c.name);
            return (
              <li
                key={item.id}
                style={{
                  padding: `${token('space.100')} 0`,
                  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
                }}
              >
                <Inline space="space.200" spread="space-between" alignBlock="center" shouldWrap>
                  <Stack space="space.025">
                    <Text>
                      <strong>({item.id})</strong> Top management {ITEM_TEXT[item.id]}
                    </Text>
                    <Text size="small" color="color.text.subtle">
                      {sources.length > 0 ? `Evidence: ${sources.join(', ')}` : 'No enabled category covers this item'}
                    </Text>
                  </Stack>
                  <Inline space="space.100" alignBlock="center">
                    {item.coverage === null ? null : <Meter value={item.coverage} />}
                    <Text weight="bold">{item.coverage === null ? 'Not assessed' : formatPercent(item.coverage)}</Text>
                  </Inline>
                </Inline>
              </li>
            );
          })}
        </ul>
      </Stack>
    </section>
  );
}
