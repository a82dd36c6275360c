/** A JQL string literal: `\` and `"` escaped, so a value can never end the string and add clauses. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The evidence search: one project, any of the labels, in a stable order for paging. */
export function evidenceJql(projectKey: string, labels: readonly string[]): string {
  if (labels.length === 0) throw new Error('evidenceJql needs at least one label');
  return `project = ${jqlString(projectKey)} AND labels in (${labels.map(jqlString).join(', ')}) ORDER BY key ASC`;
}
