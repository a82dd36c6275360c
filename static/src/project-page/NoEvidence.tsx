import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ProjectReport } from '../../../src/contract/invoke';
import { LabelList } from '../shared/components/LabelCode';

const panel = xcss({
  borderColor: 'color.border',
  borderStyle: 'dashed',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

/** No evidence yet: which labels start it, from the report (so they follow the admin's settings). */
export function NoEvidence({ report }: { report: ProjectReport }) {
  const enabled = report.categories.filter((c) => c.status !== 'disabled' && c.labels.length > 0);
  const disabled = report.categories.filter((c) => c.status === 'disabled');
  return (
    <Box as="section" aria-labelledby="c51-empty" padding="space.400" xcss={panel}>
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="c51-empty">
          {`No Clause 5.1 evidence in ${report.projectKey} yet`}
        </Heading>
        <Text as="p">
          Coverage is graded from issues that carry an evidence label. To start, add the label of its category to an
          issue that records leadership activity, for example the minutes of a management review or the CEO's approval
          of the security policy.
        </Text>
        <ul style={{ margin: 0, paddingInlineStart: token('space.250') }} aria-label="Evidence labels by category">
          {enabled.map((category) => (
            <li key={category.id} style={{ marginBlockEnd: token('space.075') }}>
              <Text weight="medium">{category.name}</Text>: <LabelList labels={category.labels} />
            </li>
          ))}
        </ul>
        {disabled.length > 0 ? (
          <Text as="p" size="small" color="color.text.subtle">
            Not graded (disabled by a Jira admin): {disabled.map((c) => c.name).join(', ')}.
          </Text>
        ) : null}
        <Text as="p" size="small" color="color.text.subtle">
          The labels come from this app's settings; a Jira administrator can change them. Only issues you can see are
          counted.
        </Text>
      </Stack>
    </Box>
  );
}
