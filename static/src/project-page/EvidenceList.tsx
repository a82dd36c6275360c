import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CategoryResult, EvidenceEntry, RuleKind } from '../../../src/core/types';
import { IssueLink } from '../shared/components/JiraLink';
import { LabelList } from '../shared/components/LabelCode';
import { CountsLozenge } from '../shared/components/Lozenges';
import { formatDay } from '../shared/format';

const listStyle = { margin: 0, paddingInlineStart: token('space.250') } as const;

function facts(entry: EvidenceEntry): string {
  const parts = [entry.done ? 'Done' : 'Not done'];
  if (entry.effectiveDate) parts.push(`effective ${formatDay(entry.effectiveDate)}`);
  if (entry.expiresOn) parts.push(`stops counting on ${formatDay(entry.expiresOn)}`);
  return parts.join(' · ');
}

const names = (users: { displayName: string }[]): string => users.map((u) => u.displayName).join(', ');

/** Who signed it off (or approved it) and who took part, where the app could tell (spec 8.6). */
function people(entry: EvidenceEntry, rule: RuleKind): string {
  const parts: string[] = [];
  const approvers = entry.approvers ?? [];
  const participants = entry.participants ?? [];
  if (approvers.length > 0) parts.push(`${rule === 'corrective' ? 'Approved' : 'Signed off'} by ${names(approvers)}`);
  if (participants.length > 0) parts.push(`Took part: ${names(participants)}`);
  return parts.join(' · ');
}

function Entry({ entry, rule }: { entry: EvidenceEntry; rule: RuleKind }) {
  const who = people(entry, rule);
  // Failing required requirements are among the problems already; advisory ones never stop it counting.
  const advisory = (entry.failedChecks ?? []).filter((check) => check.advisory && !check.pass);
  return (
    <li style={{ marginBlockEnd: token('space.100') }}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <IssueLink issueKey={entry.key} summary={entry.summary} />
          <CountsLozenge counts={entry.counts} />
        </Inline>
        <Text size="small" color="color.text.subtle">
          {facts(entry)}
        </Text>
        {who ? (
          <Text size="small" color="color.text.subtle">
            {who}
          </Text>
        ) : null}
        {entry.problems.length > 0 ? (
          <ul style={listStyle} aria-label={`Problems with ${entry.key}`}>
            {entry.problems.map((problem) => (
              <li key={problem}>
                <Text size="small">{problem}</Text>
              </li>
            ))}
          </ul>
        ) : null}
        {advisory.length > 0 ? (
          <ul style={listStyle} aria-label={`Advisory for ${entry.key}`}>
            {advisory.map((check) => (
              <li key={check.id}>
                <Text size="small">
                  <strong>Advisory:</strong> {check.message}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </Stack>
    </li>
  );
}

/** The issues behind one category's status, newest first, as the report orders them. */
export function EvidenceList({ category }: { category: CategoryResult }) {
  const labels = category.labels.length > 0 ? <LabelList labels={category.labels} /> : 'no label';
  if (category.status === 'disabled') {
    return <Text as="p">Not graded: {category.disabledReason ?? 'a Jira admin disabled this category.'}</Text>;
  }
  return (
    <Stack space="space.100">
      <Text as="p" size="small" color="color.text.subtle">
        Issues labelled {labels}.
      </Text>
      {category.evidence.length === 0 ? (
        <Text as="p">No issue you can see carries these labels.</Text>
      ) : (
        <ul
          style={{ ...listStyle, paddingInlineStart: token('space.200') }}
          aria-label={`Evidence for ${category.name}`}
        >
          {category.evidence.map((entry) => (
            <Entry key={entry.key} entry={entry} rule={category.rule} />
          ))}
        </ul>
      )}
    </Stack>
  );
}
