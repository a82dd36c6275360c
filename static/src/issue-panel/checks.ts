/** How the issue panel groups and words a category's checks (pure, so it reads the same everywhere). */
import { isRequirementId } from '../../../src/core/requirements';
import type { Check } from '../../../src/core/types';

/** What a check's row says before its message. */
export type CheckLook = 'pass' | 'fail' | 'advisory' | 'not-checked' | 'unknown';

// The engine passes a top-management check it could not make (nobody is named), marks it, and says so.
const NOT_CHECKED = /^Not checked:\s*/;

/** A row's look and the message it shows, without repeating the "Not checked:" its label says. */
export function lookOf(check: Check): { look: CheckLook; message: string } {
  if (check.pass && check.notChecked === true)
    return { look: 'not-checked', message: check.message.replace(NOT_CHECKED, '') };
  if (check.pass) return { look: 'pass', message: check.message };
  // Spec 15: a check that could not be made neither passed nor failed.
  if (check.unknown === true) return { look: 'unknown', message: check.message };
  return { look: check.advisory ? 'advisory' : 'fail', message: check.message };
}

/**
 * The rule's checks, then the required requirement checks (spec 8.3), then apart the advisory
 * ones: those are reported but never stop the issue counting, so they are never shown as failures.
 */
export function groupChecks(checks: Check[]): { required: Check[]; advisory: Check[] } {
  const rule = checks.filter((c) => !isRequirementId(c.id));
  const requirements = checks.filter((c) => isRequirementId(c.id) && !c.advisory);
  return { required: [...rule, ...requirements], advisory: checks.filter((c) => c.advisory === true) };
}
