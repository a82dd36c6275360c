/** A JQL string literal: `\` and `"` escaped, so a value can never end the string and add clauses. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The evidence condition: the project (or the projects of a page's scope, spec 11), any of the labels. */
export function evidenceCondition(projectKeys: string | readonly string[], labels: readonly string[]): string {
  if (labels.length === 0) throw new Error('an evidence search needs at least one label');
  const keys = typeof projectKeys === 'string' ? [projectKeys] : projectKeys;
  if (keys.length === 0) throw new Error('an evidence search needs at least one project');
  const project =
    keys.length === 1 ? `project = ${jqlString(keys[0] ?? '')}` : `project in (${keys.map(jqlString).join(', ')})`;
  return `${project} AND labels in (${labels.map(jqlString).join(', ')})`;
}

/** A condition in a stable order, so pages never skip or repeat an issue. */
export function inKeyOrder(condition: string): string {
  return `${condition} ORDER BY key ASC`;
}

/** The evidence search in a stable order for paging. */
export function evidenceJql(projectKeys: string | readonly string[], labels: readonly string[]): string {
  return inKeyOrder(evidenceCondition(projectKeys, labels));
}

/** The same condition narrowed to some issue keys: one page of a parallel read. */
export function keysJql(condition: string, keys: readonly string[]): string {
  return `${condition} AND key in (${keys.map(jqlString).join(', ')})`;
}

/**
 * The condition narrowed to issues updated in the last `minutes` minutes. Relative to Jira's own
 * clock, so neither the app's time zone nor the user's can shift it; the caller adds an overlap
 * for clock skew and for Jira's search index lagging an edit.
 */
export function changedSince(condition: string, minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error('a change window is a whole number of minutes');
  return `${condition} AND updated >= ${jqlString(`-${minutes}m`)}`;
}
