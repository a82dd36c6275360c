import type { MouseEvent, ReactNode } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import { issuePath, navigateTo, openInNewTab } from '../navigation';
import { useSiteUrl } from '../site';

/**
 * A real link to a Jira page (keyboard and screen-reader friendly, copyable), whose click is
 * handed to the host's router: the app runs in an iframe and cannot navigate Jira itself.
 */
export function JiraLink({ path, children, label }: { path: string; children: ReactNode; label?: string }) {
  const siteUrl = useSiteUrl();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    const newTab = event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey;
    if (newTab) openInNewTab(path);
    else navigateTo(path);
  };
  return (
    <a href={`${siteUrl}${path}`} onClick={onClick} onAuxClick={onClick} aria-label={label}>
      {children}
    </a>
  );
}

/** An issue key as a link to the issue; with `summary`, the summary follows the key. */
export function IssueLink({ issueKey, summary }: { issueKey: string; summary?: string }) {
  return (
    <JiraLink path={issuePath(issueKey)}>
      <strong>{issueKey}</strong>
      {summary ? ` ${summary}` : null}
    </JiraLink>
  );
}

/** "Issues: ISMS-1 ISMS-4", each a link, under a finding or a change; nothing when there are none. */
export function IssueLinks({ keys }: { keys: readonly string[] }) {
  if (keys.length === 0) return null;
  return (
    <Inline space="space.100" shouldWrap>
      <Text size="small" color="color.text.subtle">
        Issues:
      </Text>
      {keys.map((key) => (
        <IssueLink key={key} issueKey={key} />
      ))}
    </Inline>
  );
}
