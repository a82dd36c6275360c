import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import type { FixAvailability, FixRequest, IssueRef } from '../../../../src/contract/invoke';
import { categoryDefinition } from '../../../../src/core/categories';
import { createFix } from '../api';
import { IssueLink } from '../components/JiraLink';
import { VISUALLY_HIDDEN } from '../components/VisuallyHidden';
import { notRecordedText, outcomeText } from './text';

// The dialog (and what only it uses) loads on the first click: the screens' first load stays small.
const FixDialog = lazy(() => import('./FixDialog'));

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

/**
 * "Create issue" for a finding, an upcoming lapse or the panel's check (spec 10): a link to the
 * open issue that already is the fix; nothing when Jira would not let the viewer create issues;
 * else a button opening a dialog that shows what will be created and creates it on confirm.
 */
export function FixAction({ request, fixes, label = 'Create issue', context }: FixActionProps) {
  const { categoryId, origin } = request;
  const subject = context ?? categoryDefinition(categoryId).name;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const container = useRef<HTMLDivElement>(null);
  // Set when the dialog closes: focus then goes back to the action (the button, or the link that replaced it).
  const restoreFocus = useRef(false);
  // One create at a time for this action, whichever dialog asked and however often.
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    container.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
  }, [open, outcome]);

  const close = useCallback(() => {
    restoreFocus.current = true;
    setOpen(false);
  }, []);

  const create = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const attempt = createFix({ categoryId, origin })
      .then((result) => {
        setOutcome({
          kind: result.created ? 'created' : 'already-open',
          issue: result.issue,
          notRecorded: result.notRecorded === true,
        });
        setAnnouncement(outcomeText(result));
        restoreFocus.current = true;
        setOpen(false);
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [categoryId, origin]);

  const onExisting = useCallback((issue: IssueRef) => setOutcome({ kind: 'existing', issue }), []);

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
          <Button
            spacing="compact"
            aria-haspopup="dialog"
            aria-label={`${label}: ${subject}`}
            onClick={() => setOpen(true)}
          >
            {label}
          </Button>
        )}
        {open ? (
          <Suspense fallback={<Spinner size="small" label="Opening the dialog" />}>
            <FixDialog request={request} subject={subject} onClose={close} create={create} onExisting={onExisting} />
          </Suspense>
        ) : null}
      </Inline>
      <span role="status" aria-live="polite" style={VISUALLY_HIDDEN}>
        {announcement}
      </span>
    </div>
  );
}
