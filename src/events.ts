/**
 * Product event trigger for `avi:jira:created:issue` and `avi:jira:updated:issue`
 * (manifest function `issue-events`). It will mark the project as changed so
 * the next coverage snapshot picks the change up. For now it accepts each event and
 * does nothing, so the manifest wiring can be deployed and linted.
 */
export const handler = async (_event: unknown, _context: unknown): Promise<void> => {};
