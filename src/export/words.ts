import type { CategoryStatus, Severity, Verdict } from '../core/types';

/** The verdict in the words an auditor uses. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  ready: 'Ready for audit',
  warning: 'Verbal warning',
  'minor-nc': 'Minor non-conformity',
  'major-nc': 'Major non-conformity',
};

export const STATUS_WORDS: Record<CategoryStatus, string> = {
  met: 'Met',
  partial: 'Partial',
  stale: 'Stale',
  missing: 'Missing',
  disabled: 'Disabled',
};

export const SEVERITY_WORDS: Record<Severity, string> = {
  major: 'Major NC',
  minor: 'Minor NC',
  warning: 'Verbal warning',
  observation: 'Observation',
};
