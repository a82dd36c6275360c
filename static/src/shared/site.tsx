import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getAppContext } from './api';

const SiteUrl = createContext('');

/**
 * Provides the Jira site URL (from the host's context) so links can carry absolute hrefs: the app
 * runs in an iframe on another origin, where a relative `/browse/KEY` would point nowhere.
 * Children render at once; hrefs become absolute when the context arrives.
 */
export function SiteProvider({ children }: { children: ReactNode }) {
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    let current = true;
    getAppContext().then(
      (context) => current && setSiteUrl(context.siteUrl.replace(/\/+$/, '')),
      (error: unknown) => console.warn('Clause 5.1 coverage: no host context, links stay relative', error),
    );
    return () => {
      current = false;
    };
  }, []);
  return <SiteUrl.Provider value={siteUrl}>{children}</SiteUrl.Provider>;
}

export const useSiteUrl = (): string => useContext(SiteUrl);
