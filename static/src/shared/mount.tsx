import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SiteProvider } from './site';

/** Renders a module's screen into #root, inside what every screen needs. */
export function mount(screen: ReactElement): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Clause 5.1 coverage: the page has no #root element');
  createRoot(container).render(
    <StrictMode>
      <SiteProvider>{screen}</SiteProvider>
    </StrictMode>,
  );
}
