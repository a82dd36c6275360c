import { enabledLabels } from '../core/config';
import type { CoverageConfig, EvidenceIssue } from '../core/types';
import { projectKeyOf, toEvidenceIssue } from '../jira/transform';
import { DistinctIssues } from './distinct-issues';
import { isOfProject } from './load-issues';
import { forEachIssueIn } from './stream-issues';

export interface ProjectIssues {
  /** The project's issues that carry an enabled category's label, as the engine reads them. */
  issues: EvidenceIssue[];
  /** How many distinct issues of the projects the export holds, evidence or not. */
  ofProject: number;
  /** The keys of every project the export holds issues of, whether named or not. */
  heldProjects: Set<string>;
}

/**
 * A project's evidence issues from a Jira export, read as a stream: each raw issue is checked,
 * converted and let go, so memory holds the engine's small issues, not the export. Like the app's
 * Jira search, only issues carrying an enabled category's label are kept; every issue of the
 * project is still converted, so a bad one is named whatever its labels. Positions (`#12`) count
 * every issue of the export, so a user can find it in the file.
 */
export function readProjectIssues(path: string, projectKeys: readonly string[], config: CoverageConfig): ProjectIssues {
  const labels = new Set(enabledLabels(config));
  const distinct = new DistinctIssues();
  const issues: EvidenceIssue[] = [];
  let position = 0;
  let ofProject = 0;
  const heldProjects = new Set<string>();
  forEachIssueIn(path, (raw) => {
    position += 1;
    const held = projectKeyOf(raw);
    if (held !== undefined) heldProjects.add(held);
    if (!projectKeys.some((key) => isOfProject(raw, key)) || !distinct.admit(raw)) return;
    ofProject += 1;
    const issue = toEvidenceIssue(raw, config, `#${position}`);
    if (issue.labels.some((label) => labels.has(label))) issues.push(issue);
  });
  return { issues, ofProject, heldProjects };
}
