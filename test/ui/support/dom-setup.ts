/**
 * Shared setup of the component tests (import it first): the DOM matchers, and every Design
 * System feature flag off, as in the built app (see static/src/build/feature-gates-stub.ts).
 * Without a resolver, @atlaskit/platform-feature-flags asks an uninitialised Statsig client,
 * which answers "off" too but logs an error first.
 */
import './matchers';

Object.assign(window, { __PLATFORM_FEATURE_FLAGS__: { booleanResolver: () => false } });
