/**
 * The coverage chart (spec 9), the only module that imports the charting library: the section
 * loads it lazily, so recharts stays out of the page's initial JavaScript. Meaning never rests on
 * colour alone: the forecast is dashed, lapses and verdict changes have shapes and words, and
 * the tooltip (on hover, and on keyboard focus through recharts' accessibility layer) says the
 * day, coverage and verdict in words.
 */
import { useId, type ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { VERDICT_WORDS } from '../../../../src/export/words';
import { VerdictLozenge } from '../../shared/components/Lozenges';
import { formatDay, formatPercent } from '../../shared/format';
import type { ChangeMarker, ChartPoint, TimelineShape } from './chart-data';

// Design tokens are CSS variables, so the chart follows Jira's light or dark theme.
const COLOUR = {
  line: token('color.chart.brand'),
  grid: token('color.border'),
  axisText: token('color.text.subtle'),
  text: token('color.text'),
  today: token('color.chart.neutral'),
  forecastBand: token('color.background.neutral'),
  verdict: token('color.chart.neutral'),
  lapses: token('color.chart.danger.bold'),
  comesIntoForce: token('color.chart.success.bold'),
  surface: token('elevation.surface'),
} as const;

const PLOT_HEIGHT = 260;
/** One line of labels above the plot: "Today" first, then one line per upcoming change. */
const LABEL_ROW = 18;
const FONT_SIZE = 12;
const FORECAST_DASH = '6 4';

type Direction = ChangeMarker['direction'];

const markerColour = (direction: Direction) => (direction === 'lapses' ? COLOUR.lapses : COLOUR.comesIntoForce);

/** A triangle pointing down for a lapse, up for evidence coming into force. */
function Triangle({ x, y, direction }: { x: number; y: number; direction: Direction }) {
  const d = direction === 'lapses' ? `M${x - 5},${y - 4}h10l-5,8z` : `M${x - 5},${y + 4}h10l-5,-8z`;
  return <path d={d} fill={markerColour(direction)} />;
}

function Diamond({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return <g />;
  return (
    <path d={`M${cx},${cy - 7}l7,7l-7,7l-7,-7z`} fill={COLOUR.verdict} stroke={COLOUR.surface} strokeWidth={1.5} />
  );
}

/** What recharts passes a custom label: the box of the line or dot it labels. */
interface LabelViewBox {
  viewBox?: { x?: number; y?: number; width?: number };
}

/** A label in row `row` above the plot, ending just left of its vertical line. */
function rowLabel(row: number, text: string, symbol?: (x: number, y: number) => ReactNode) {
  return function RowLabel({ viewBox }: LabelViewBox) {
    const x = viewBox?.x ?? 0;
    const y = (viewBox?.y ?? 0) - 6 - row * LABEL_ROW;
    return (
      <g>
        {symbol?.(x, y - FONT_SIZE / 3)}
        <text x={x - 9} y={y} textAnchor="end" fill={COLOUR.text} fontSize={FONT_SIZE}>
          {text}
        </text>
      </g>
    );
  };
}

function verdictLabel(point: ChartPoint) {
  return function VerdictLabel({ viewBox }: LabelViewBox) {
    // Above the diamond, with a halo of the surface colour so it reads where it crosses the line.
    return (
      <text
        x={(viewBox?.x ?? 0) + (viewBox?.width ?? 0) / 2}
        y={(viewBox?.y ?? 0) - 6}
        fill={COLOUR.text}
        stroke={COLOUR.surface}
        strokeWidth={4}
        paintOrder="stroke"
        fontSize={FONT_SIZE}
        textAnchor="middle"
      >
        {VERDICT_WORDS[point.verdict]}
      </text>
    );
  };
}

const tooltipStyle = {
  background: token('elevation.surface.overlay'),
  color: COLOUR.text,
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.small'),
  boxShadow: token('elevation.shadow.overlay'),
  padding: `${token('space.100')} ${token('space.150')}`,
  maxWidth: '320px',
} as const;

function phaseWords(point: ChartPoint, asOf: string): string {
  if (point.day === asOf) return 'Today';
  return point.phase === 'recorded' ? 'Recorded' : 'Forecast, if nothing new is recorded';
}

function PointDetails({ point, asOf }: { point: ChartPoint; asOf: string }) {
  return (
    <div style={tooltipStyle} data-testid="timeline-tooltip">
      <Stack space="space.050">
        <Text weight="bold">
          {formatDay(point.day)} · {phaseWords(point, asOf)}
        </Text>
        <Text>Coverage {formatPercent(point.coverage)}</Text>
        <span>
          <VerdictLozenge verdict={point.verdict} />
        </span>
        {point.verdictBefore ? (
          <Text size="small">
            <span aria-hidden="true">◆ </span>Verdict changes from {VERDICT_WORDS[point.verdictBefore]}
          </Text>
        ) : null}
        {point.changes.map((change) => (
          <Text size="small" key={change.categoryId}>
            <span aria-hidden="true">{change.direction === 'lapses' ? '▼ ' : '▲ '}</span>
            {formatDay(change.day)}: {change.text}
          </Text>
        ))}
      </Stack>
    </div>
  );
}

/** The chart's key, in words beside each line style and marker shape. */
function Key({ shape }: { shape: TimelineShape }) {
  const swatch = (content: ReactNode) => (
    <svg width="24" height="14" aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      {content}
    </svg>
  );
  const entries: { id: string; symbol: ReactNode; text: string }[] = [
    {
      id: 'recorded',
      symbol: swatch(<line x1="0" y1="7" x2="24" y2="7" stroke={COLOUR.line} strokeWidth="2" />),
      text: 'Recorded',
    },
    {
      id: 'forecast',
      symbol: swatch(
        <line x1="0" y1="7" x2="24" y2="7" stroke={COLOUR.line} strokeWidth="2" strokeDasharray={FORECAST_DASH} />,
      ),
      text: 'Forecast, if nothing new is recorded (shaded)',
    },
    {
      id: 'today',
      symbol: swatch(<line x1="12" y1="0" x2="12" y2="14" stroke={COLOUR.today} strokeWidth="2" />),
      text: 'Today',
    },
    { id: 'verdict', symbol: swatch(<Diamond cx={12} cy={7} />), text: 'The verdict changes' },
  ];
  for (const direction of ['lapses', 'comes into force'] as const)
    if (shape.markers.some((m) => m.direction === direction))
      entries.push({
        id: direction,
        symbol: swatch(<Triangle x={12} y={7} direction={direction} />),
        text: `A category ${direction}`,
      });
  return (
    <ul
      aria-label="Chart key"
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), margin: 0, padding: 0, listStyle: 'none' }}
    >
      {entries.map((entry) => (
        <li key={entry.id} style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
          {entry.symbol}
          <Text size="small">{entry.text}</Text>
        </li>
      ))}
    </ul>
  );
}

export interface TimelineChartProps {
  shape: TimelineShape;
  asOf: string;
  /** The chart in a sentence: its accessible name. */
  label: string;
}

/** Coverage (0-100 %) week by week: the record solid, the forecast dashed and shaded, today marked. */
export default function TimelineChart({ shape, asOf, label }: TimelineChartProps) {
  const hintId = useId();
  const { points, today, markers, ticks } = shape;
  const last = points.at(-1);
  const rows = 1 + markers.length;
  const tickLabels = new Map(ticks.map((p) => [p.x, formatDay(p.day)]));
  const pointAt = (x: unknown) => points.find((p) => p.x === x);
  const renderTooltip = ({ active, label: x }: TooltipContentProps) => {
    const point = active ? pointAt(x) : undefined;
    return point ? <PointDetails point={point} asOf={asOf} /> : null;
  };
  return (
    <Stack space="space.150">
      <LineChart
        data={points}
        responsive
        style={{ width: '100%', height: PLOT_HEIGHT + rows * LABEL_ROW + 40 }}
        margin={{ top: rows * LABEL_ROW + 8, right: 16, bottom: 8, left: 0 }}
        role="img"
        aria-label={label}
        aria-describedby={hintId}
      >
        <CartesianGrid stroke={COLOUR.grid} strokeDasharray="2 4" vertical={false} />
        {last && today ? (
          <ReferenceArea x1={today.x} x2={last.x} fill={COLOUR.forecastBand} fillOpacity={1} ifOverflow="hidden" />
        ) : null}
        <XAxis
          type="number"
          dataKey="x"
          domain={['dataMin', 'dataMax']}
          ticks={ticks.map((p) => p.x)}
          tickFormatter={(x: number) => tickLabels.get(x) ?? ''}
          tick={{ fill: COLOUR.axisText, fontSize: FONT_SIZE }}
          stroke={COLOUR.grid}
          minTickGap={12}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => formatPercent(value)}
          tick={{ fill: COLOUR.axisText, fontSize: FONT_SIZE }}
          stroke={COLOUR.grid}
          width={48}
        />
        {today ? (
          <ReferenceLine
            x={today.x}
            stroke={COLOUR.today}
            strokeWidth={2}
            label={rowLabel(0, `Today, ${formatDay(today.day)}`)}
          />
        ) : null}
        {markers.map((marker, index) => (
          <ReferenceLine
            key={marker.categoryId}
            x={marker.x}
            stroke={markerColour(marker.direction)}
            strokeDasharray="3 3"
            label={rowLabel(index + 1, `${formatDay(marker.day)}: ${marker.text}`, (x, y) => (
              <Triangle x={x} y={y} direction={marker.direction} />
            ))}
          />
        ))}
        <Line
          dataKey="recorded"
          name="Recorded"
          stroke={COLOUR.line}
          strokeWidth={2}
          dot={false}
          activeDot={{ r: 5, fill: COLOUR.line, stroke: COLOUR.surface }}
          isAnimationActive={false}
        />
        <Line
          dataKey="forecast"
          name="Forecast"
          stroke={COLOUR.line}
          strokeWidth={2}
          strokeDasharray={FORECAST_DASH}
          dot={false}
          activeDot={{ r: 5, fill: COLOUR.line, stroke: COLOUR.surface }}
          isAnimationActive={false}
        />
        {points
          .filter((p) => p.verdictBefore !== undefined)
          .map((p) => (
            <ReferenceDot
              key={p.day}
              x={p.x}
              y={p.coverage}
              shape={Diamond}
              label={verdictLabel(p)}
              ifOverflow="visible"
            />
          ))}
        <Tooltip
          content={renderTooltip}
          cursor={{ stroke: COLOUR.today, strokeDasharray: '3 3' }}
          isAnimationActive={false}
        />
      </LineChart>
      <Key shape={shape} />
      <div className="c51-no-print">
        <Text as="p" size="small" color="color.text.subtle" id={hintId}>
          Focus the chart (Tab) and use the left and right arrow keys to step through the weeks.
        </Text>
      </div>
    </Stack>
  );
}
