import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { CategoryStatus, Severity, Verdict } from '../../../../src/core/types';
import { SEVERITY_WORDS, STATUS_WORDS, VERDICT_WORDS } from '../../../../src/export/words';

// Colour repeats what the word says; the word is always there.
const STATUS_LOOK: Record<CategoryStatus, ThemeAppearance> = {
  met: 'success',
  partial: 'inprogress',
  stale: 'moved',
  missing: 'removed',
  disabled: 'default',
};
const VERDICT_LOOK: Record<Verdict, ThemeAppearance> = {
  ready: 'success',
  warning: 'moved',
  'minor-nc': 'moved',
  'major-nc': 'removed',
};
const SEVERITY_LOOK: Record<Severity, ThemeAppearance> = {
  major: 'removed',
  minor: 'moved',
  warning: 'moved',
  observation: 'inprogress',
};

export const StatusLozenge = ({ status }: { status: CategoryStatus }) => (
  <Lozenge appearance={STATUS_LOOK[status]}>{STATUS_WORDS[status]}</Lozenge>
);

export const VerdictLozenge = ({ verdict }: { verdict: Verdict }) => (
  <Lozenge appearance={VERDICT_LOOK[verdict]} maxWidth="none">
    {VERDICT_WORDS[verdict]}
  </Lozenge>
);

export const SeverityLozenge = ({ severity }: { severity: Severity }) => (
  <Lozenge appearance={SEVERITY_LOOK[severity]}>{SEVERITY_WORDS[severity]}</Lozenge>
);

/**
 * Whether an issue counts as evidence, in words; "Cannot tell" when it fails only checks that could
 * not be made (spec 15), which is no verdict on the evidence.
 */
export const CountsLozenge = ({ counts, cannotTell = false }: { counts: boolean; cannotTell?: boolean }) =>
  counts ? (
    <Lozenge appearance="success">Counts</Lozenge>
  ) : cannotTell ? (
    <Lozenge appearance="default">Cannot tell</Lozenge>
  ) : (
    <Lozenge appearance="removed">Does not count</Lozenge>
  );
