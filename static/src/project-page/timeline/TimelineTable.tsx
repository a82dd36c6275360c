import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { VERDICT_WORDS } from '../../../../src/export/words';
import { VerdictLozenge } from '../../shared/components/Lozenges';
import { formatDay, formatPercent } from '../../shared/format';
import { compactCell, compactHeadCell } from '../table-styles';
import { PHASE_WORDS, type TimelineShape } from './chart-data';

const cell = compactCell;
const headCell = compactHeadCell;

/**
 * The chart's points as a table, behind a toggle: what the chart shows, in words, for screen
 * readers and for anyone who would rather read than look. Closed, it is out of the reading order.
 */
export function TimelineTable({ shape, asOf }: { shape: TimelineShape; asOf: string }) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <Stack space="space.100">
      <span className="c51-no-print">
        <Button spacing="compact" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen(!open)}>
          {open ? 'Hide the table of weekly coverage' : 'Show the chart as a table of weekly coverage'}
        </Button>
      </span>
      {/* Rendered only when open: 66 rows of lozenges would slow the page's first paint for nothing. */}
      <div id={tableId} hidden={!open} style={{ overflowX: 'auto' }}>
        {open ? (
          <table style={{ borderCollapse: 'collapse', width: '100%', margin: 0 }}>
            <caption style={{ textAlign: 'left', paddingBottom: token('space.100') }}>
              <Text size="small" color="color.text.subtle">
                {`Coverage week by week: recorded up to today (${formatDay(asOf)}), forecast after it if nothing new is recorded.`}
              </Text>
            </caption>
            <thead>
              <tr>
                <th scope="col" style={headCell}>
                  Day
                </th>
                <th scope="col" style={headCell}>
                  Coverage
                </th>
                <th scope="col" style={headCell}>
                  Verdict
                </th>
                <th scope="col" style={headCell}>
                  Recorded or forecast
                </th>
              </tr>
            </thead>
            <tbody>
              {shape.points.map((point) => (
                <tr key={point.day}>
                  <th scope="row" style={{ ...cell, fontWeight: token('font.weight.regular') }}>
                    {formatDay(point.day)}
                    {point.day === asOf ? ' (today)' : null}
                  </th>
                  <td style={cell}>{formatPercent(point.coverage)}</td>
                  <td style={cell}>
                    <VerdictLozenge verdict={point.verdict} />
                    {point.verdictBefore ? (
                      <Text size="small"> changed from {VERDICT_WORDS[point.verdictBefore]}</Text>
                    ) : null}
                  </td>
                  <td style={cell}>{PHASE_WORDS[point.phase]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </Stack>
  );
}
