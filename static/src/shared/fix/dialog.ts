/**
 * What crosses between "Create issue" and its dialog. Jira shows the dialog in its own modal layer
 * (Forge's Modal), as this same resource started again, so the two halves are separate pages:
 * the action hands the dialog a context, the dialog hands back how it ended, both as plain JSON
 * that each side checks, as it would anything that crossed a frame.
 */
import type { FixCreated, FixOrigin, FixRequest, IssueRef } from '../../../../src/contract/invoke';
import { isRecord } from '../../../../src/core/guards';
import { openDialog } from '../api';
import { fixableCategory } from './text';

/** The dialog's `extension.modal`: which fix to preview and create, and what it fixes, for the title. */
export interface FixDialogContext {
  fixRequest: FixRequest;
  subject: string;
}

/** How the dialog ended, as it passes it to `view.close`; nothing when the user cancelled. */
export type FixDialogResult = { kind: 'created'; result: FixCreated } | { kind: 'existing'; issue: IssueRef };

const ORIGINS: Record<FixOrigin, true> = { finding: true, upcoming: true, panel: true };
const isOrigin = (value: unknown): value is FixOrigin => typeof value === 'string' && Object.hasOwn(ORIGINS, value);

function issueRefOf(value: unknown): IssueRef | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.summary !== 'string') return undefined;
  return { key: value.key, summary: value.summary };
}

/** The fix a dialog was opened for, or undefined when its context is not one "Create issue" gives. */
export function fixDialogContextOf(value: unknown): FixDialogContext | undefined {
  if (!isRecord(value) || !isRecord(value.fixRequest) || typeof value.subject !== 'string') return undefined;
  const { categoryId: category } = value.fixRequest;
  const categoryId = fixableCategory(typeof category === 'string' ? category : undefined);
  const origin = value.fixRequest.origin;
  if (!categoryId || !isOrigin(origin)) return undefined;
  return { fixRequest: { categoryId, origin }, subject: value.subject };
}

/** How the dialog ended, or undefined when it was cancelled (or said something else). */
export function fixDialogResultOf(value: unknown): FixDialogResult | undefined {
  if (!isRecord(value)) return undefined;
  if (value.kind === 'existing') {
    const issue = issueRefOf(value.issue);
    return issue ? { kind: 'existing', issue } : undefined;
  }
  if (value.kind !== 'created' || !isRecord(value.result) || typeof value.result.created !== 'boolean')
    return undefined;
  const issue = issueRefOf(value.result.issue);
  if (!issue) return undefined;
  const result: FixCreated = { issue, created: value.result.created };
  if (value.result.notRecorded === true) result.notRecorded = true;
  return { kind: 'created', result };
}

/**
 * Opens the dialog for `request` in Jira's modal layer; `onClose` hears how it ended. Rejects
 * (an ApiError) when Jira did not open it.
 */
export function openFixDialog(
  context: FixDialogContext,
  onClose: (result: FixDialogResult | undefined) => void,
): Promise<void> {
  return openDialog({ ...context }, (payload) => onClose(fixDialogResultOf(payload)));
}
