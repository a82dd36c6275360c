/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client/feature-gates` (see
 * dev/build-ui.ts). Design System components ask it whether experiments are on; in a Forge
 * iframe the client is never initialised, and an uninitialised client answers exactly this:
 * every gate off, every experiment at its default. The real client (Statsig) is ~60 KB gzipped.
 */
const FeatureGates = {
  checkGate: (_gate: string, _options?: unknown): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T, _options?: unknown): T =>
    defaultValue,
  initializeCompleted: (): boolean => false,
  hasCheckGateErrorOccurred: (): boolean => false,
  hasGetExperimentValueErrorOccurred: (): boolean => false,
};

export default FeatureGates;
