/**
 * How a caller tells the simulator who it is. Real Jira authenticates with tokens; locally the Forge runtime
 * (dev/runtime) marks each forwarded request with one of these headers. The runtime strips any such header the
 * app sets itself, so app code cannot choose its identity.
 */
export const ACCOUNT_ID_HEADER = 'x-sim-account-id';
export const APP_HEADER = 'x-sim-app';
export const SIMULATOR_HEADER_PREFIX = 'x-sim-';

/** Account id the simulator reports for the Forge app user (GET /myself as the app). */
export const APP_ACCOUNT_ID = '557058:forge-app-local';
