import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { FixAvailability } from '../../../src/contract/invoke';
import { TOP_MANAGEMENT_NOT_SET_FIX } from '../../../src/core/substance-findings';
import type { Finding } from '../../../src/core/types';
import { FixAction, fixableCategory } from '../shared/fix';
import { navigateTo, SETTINGS_PAGE } from '../shared/navigation';
import { bareListStyle } from '../shared/styles';
import { FindingText } from './FindingText';

/** A finding fixed on the app's settings page (top management not named) offers the way there. */
const fixedInSettings = (finding: Finding): boolean => finding.fix.startsWith(TOP_MANAGEMENT_NOT_SET_FIX);

/** "Create issue" for a finding about one of the ten categories (spec 10); none for involvement. */
function FindingFix({ finding, fixes }: { finding: Finding; fixes: FixAvailability }) {
  const categoryId = fixableCategory(finding.categoryId);
  return categoryId ? <FixAction request={{ categoryId, origin: 'finding' }} fixes={fixes} /> : null;
}

/**
 * Findings in the order the engine sorts them (major, minor, warning, observation); with `fixes`,
 * a finding for which `offersCreate` says so offers "Create issue" (spec 10). By default that is
 * each finding of one of the ten categories; the project page offers one per category, where the
 * server builds the issue from (its worst finding), and the findings to fix first carry theirs at the top.
 */
export function FindingList({
  findings,
  fixes,
  offersCreate = (finding) => !finding.unknown,
}: {
  findings: Finding[];
  fixes?: FixAvailability;
  offersCreate?: (finding: Finding) => boolean;
}) {
  return (
    <section aria-labelledby="c51-findings">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="c51-findings">
          {`Findings (${findings.length})`}
        </Heading>
        {findings.length === 0 ? (
          <Text as="p">No findings: every enabled category is met and nothing lapses soon.</Text>
        ) : (
          <ul style={bareListStyle}>
            {findings.map((finding, index) => (
              <li
                key={`${finding.categoryId ?? ''}-${index}`}
                style={{
                  padding: `${token('space.150')} 0`,
                  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
                }}
              >
                <FindingText finding={finding}>
                  {fixedInSettings(finding) ? (
                    <div className="c51-no-print">
                      <Inline space="space.100" alignBlock="center" shouldWrap>
                        <Button spacing="compact" onClick={() => navigateTo(SETTINGS_PAGE)}>
                          Open the app's settings page
                        </Button>
                        <Text size="small" color="color.text.subtle">
                          Only Jira admins can open it.
                        </Text>
                      </Inline>
                    </div>
                  ) : null}
                  {fixes && offersCreate(finding) ? <FindingFix finding={finding} fixes={fixes} /> : null}
                </FindingText>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}
