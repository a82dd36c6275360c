import type { MouseEvent, ReactNode } from 'react';
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
