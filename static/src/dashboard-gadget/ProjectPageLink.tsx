import { useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { navigateTo, openInNewTab, projectPage, urlOf } from '../shared/navigation';

/**
 * A link to a project's Clause 5.1 coverage page. Jira knows that page's address (it depends on
 * the installation), so the click goes to the host's router by module key and project key; the
 * href, for copying and for the status bar, is the address Jira gives once it has said it.
 */
export function ProjectPageLink({ projectKey, children }: { projectKey: string; children: ReactNode }) {
  const location = useMemo(() => projectPage(projectKey), [projectKey]);
  const [href, setHref] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void urlOf(location).then((url) => {
      if (current) setHref(url);
    });
    return () => {
      current = false;
    };
  }, [location]);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    if (event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey) openInNewTab(location);
    else navigateTo(location);
  };
  // Until Jira has given the address, the link is still a link: focusable, opened with Enter.
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    if (href === undefined && event.key === 'Enter') {
      event.preventDefault();
      navigateTo(location);
    }
  };
  return (
    <a
      href={href}
      role={href === undefined ? 'link' : undefined}
      tabIndex={href === undefined ? 0 : undefined}
      onClick={onClick}
      onAuxClick={onClick}
      onKeyDown={onKeyDown}
    >
      {children}
    </a>
  );
}
