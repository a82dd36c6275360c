import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { FixAvailability, FixRequest, IssueRef } from '../../../../src/contract/invoke';
import { categoryDefinition } from '../../../../src/core/categories';
import { toApiError } from '../api-error';
import { IssueLink } from '../components/JiraLink';
import { VISUALLY_HIDDEN } from '../components/VisuallyHidden';
import { openFixDialog, type FixDialogResult } from './dialog';
import { notRecordedText, outcomeText } from './text';

export interface FixActionProps {
  request: FixRequest;
  fixes: FixAvailability;
  /** The button's words: "Create issue", or e.g. "Create the renewal issue" in the issue panel. */
  label?: string;
  /** What it fixes, for screen readers when a page has several: by default the category's name. */
  context?: string;
}

/** How the action ended, when it did: replaced by a link to the issue. */
type Outcome = {
  kind: 'created' | 'already-open' | 'existing';
  issue: IssueRef;
  /** Created, but the app could not record it: said beside the link. */
  notRecorded?: boolean;
};

const LEAD: Record<Outcome['kind'], string> = {
  created: 'Created ',
  'already-open': 'Already open: ',
  existing: 'Being fixed in ',
};

function outcomeOf(result: FixDialogResult): Outcome {
  if (result.kind === 'existing') return { kind: 'existing', issue: result.issue };
  const { issue, created, notRecorded } = result.result;
  return { kind: created ? 'created' : 'already-open', issue, notRecorded: notRecorded === true };
}

/**
 * "Create issue" for a finding, an upcoming lapse or the panel's check (spec 10): a link to the
 * open issue that already is the fix; nothing when Jira would not let the viewer create issues;
 * else a button opening the dialog, in Jira's modal layer, that shows what will be created and
 * creates it on confirm. How the dialog ended replaces the button.
 */
export function FixAction({ request, fixes, label = 'Create issue', context }: FixActionProps) {
  const { categoryId, origin } = request;
  const subject = context ?? categoryDefinition(categoryId).name;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState('');
  // Counts the dialog's closings: after each, focus goes back to the action (the button, or the
  // link that replaced it), once React has drawn it.
  const [closings, setClosings] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  // One dialog, so one create, at a time for this action, however often it is clicked.
  const dialogOpen = useRef(false);

  useEffect(() => {
    if (closings > 0) container.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
  }, [closings]);

  const onClose = useCallback((result: FixDialogResult | undefined) => {
    dialogOpen.current = false;
    if (result) setOutcome(outcomeOf(result));
    if (result?.kind === 'created') setAnnouncement(outcomeText(result.result));
    setClosings((n) => n + 1);
  }, []);

  const open = () => {
    if (dialogOpen.current) return;
    dialogOpen.current = true;
    setFailure('');
    openFixDialog({ fixRequest: { categoryId, origin }, subject }, onClose).catch((error: unknown) => {
      dialogOpen.current = false;
      setFailure(toApiError(error).message);
    });
  };

  const openIssue = fixes.open[categoryId];
  const known: Outcome | null = outcome ?? (openIssue ? { kind: 'existing', issue: openIssue } : null);
  if (!known && !fixes.canCreate) return null;

  return (
    <div className="c51-no-print" ref={container}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {known ? (
          <>
            <Text>
              {LEAD[known.kind]}
              <IssueLink issueKey={known.issue.key} summary={known.issue.summary} />
            </Text>
            {known.notRecorded ? <Text>{notRecordedText(known.issue)}</Text> : null}
          </>
        ) : (
          <Button spacing="compact" aria-haspopup="dialog" aria-label={`${label}: ${subject}`} onClick={open}>
            {label}
          </Button>
        )}
        {failure && !known ? (
          <span role="alert">
            <Text color="color.text.danger">{failure}</Text>
          </span>
        ) : null}
      </Inline>
      <span role="status" aria-live="polite" style={VISUALLY_HIDDEN}>
        {announcement}
      </span>
    </div>
  );
}
