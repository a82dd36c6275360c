/**
 * Shared setup of the component tests (import it first): the DOM matchers, and every Design
 * System feature flag off, as in the built app (see static/src/build/feature-gates-stub.ts).
 * Without a resolver, @atlaskit/platform-feature-flags asks an uninitialised Statsig client,
 * which answers "off" too but logs an error first.
 */
import { configure } from '@testing-library/react';
import './matchers';

// findBy* and waitFor wait up to 1 s by default: on CI's two cores, busy with browser suites beside
// them, a debounced picker search can take longer. A longer wait changes no result, only patience.
configure({ asyncUtilTimeout: 5_000 });

Object.assign(window, { __PLATFORM_FEATURE_FLAGS__: { booleanResolver: () => false } });

// jsdom lays nothing out, so it has no scrolling; the screens bring elements into view with it.
Element.prototype.scrollIntoView = () => undefined;
