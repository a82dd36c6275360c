import { token } from '@atlaskit/tokens';

const style = {
  font: token('font.code'),
  background: token('color.background.neutral'),
  color: token('color.text'),
  borderRadius: token('radius.small'),
  padding: `0 ${token('space.050')}`,
  overflowWrap: 'anywhere',
} as const;

/** A Jira label, set in code type so spaces and hyphens read exactly. */
export const LabelCode = ({ label }: { label: string }) => <code style={style}>{label}</code>;

/** Several labels, "a or b". */
export function LabelList({ labels }: { labels: readonly string[] }) {
  return (
    <>
      {labels.map((label, i) => (
        <span key={label}>
          {i > 0 ? (i === labels.length - 1 ? ' or ' : ', ') : null}
          <LabelCode label={label} />
        </span>
      ))}
    </>
  );
}
