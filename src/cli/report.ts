import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatFieldErrors, MAX_SCOPE_PROJECTS, validateConfig, withDefaults } from '../core/config';
import { dayOf, isDay } from '../core/dates';
import { JIRA_ID } from '../core/jira-ids';
import { buildReport } from '../core/report';
import { listed } from '../core/words';
import { buildTimeline } from '../core/timeline';
import { reportToCsv } from '../export/csv';
import { reportToMarkdown } from '../export/markdown';
import type { CoverageConfig } from '../core/types';
import { IssueDataError } from '../jira/transform';
import { DuplicateIssueError } from './distinct-issues';
import { DataShapeError } from './load-issues';
import { readProjectIssues, type ProjectIssues } from './read-export';
import { JsonSyntaxError } from './stream-issues';

const USAGE =
  'usage: npm run report -- --data <jira-export.json> --project <KEY> [--project <KEY> ...] [--as-of YYYY-MM-DD] [--config <file>] [--format markdown|json|csv]';
const FORMATS = ['markdown', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** A problem with the user's input: printed as one sentence, exit code 2. */
class UsageError extends Error {}

function fileProblem(error: unknown, path: string, what: string): UsageError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return new UsageError(
    code === 'ENOENT'
      ? `The ${what} file ${path} does not exist.`
      : `The ${what} file ${path} cannot be read (${code || 'unknown error'}).`,
  );
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileProblem(error, path, what);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `The ${what} file ${path} is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`,
    );
  }
}

/** The export's evidence issues; a file or JSON problem becomes one sentence naming the file. */
function readData(path: string, projectKeys: readonly string[], config: CoverageConfig): ProjectIssues {
  try {
    return readProjectIssues(path, projectKeys, config);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw new UsageError(`The data file ${path} is not valid JSON: ${error.message}.`);
    if (error instanceof Error && 'code' in error && 'syscall' in error) throw fileProblem(error, path, 'data');
    throw error;
  }
}

/** The projects shown when naming what an export holds; more are counted. */
const HELD_SHOWN = 10;

function notHeld(path: string, named: readonly string[], held: ReadonlySet<string>): string {
  const keys = [...held].sort();
  const shown = keys.length > HELD_SHOWN ? [...keys.slice(0, HELD_SHOWN), `${keys.length - HELD_SHOWN} more`] : keys;
  const which = named.length === 1 ? `project ${named[0] ?? ''}` : `projects ${listed(named, 'or')}`;
  return `The data file ${path} holds no issues of ${which}; it holds issues of ${listed(shown)}: name one of those with --project.`;
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Runs the report command; returns what to print and the exit code, so tests need no process. */
export function runReport(argv: string[], today: Date): { stdout: string; stderr: string; code: number } {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          data: { type: 'string' },
          project: { type: 'string', multiple: true },
          'as-of': { type: 'string' },
          config: { type: 'string' },
          format: { type: 'string' },
          help: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : 'Bad arguments'}. ${USAGE}`);
    }
    if (values.help) return { stdout: `${USAGE}\n`, stderr: '', code: 0 };
    if (!values.data) throw new UsageError(`--data is required. ${USAGE}`);
    // Spec 11: several projects graded together, given as --project A --project B or --project A,B.
    const projects = [...new Set((values.project ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()))];
    if (projects.length === 0) throw new UsageError(`--project is required. ${USAGE}`);
    const badKey = projects.find((p) => !JIRA_ID.projectKey.test(p));
    if (badKey !== undefined)
      throw new UsageError(
        `--project "${badKey}" is not a Jira project key (capital letters, digits and _ starting with a letter).`,
      );
    if (projects.length > MAX_SCOPE_PROJECTS)
      throw new UsageError(
        `--project names ${projects.length} projects; at most ${MAX_SCOPE_PROJECTS} are graded together.`,
      );
    const projectKey = projects[0] ?? '';
    const format = values.format ?? 'markdown';
    if (!isFormat(format)) throw new UsageError(`--format "${format}" is unknown: use markdown, json or csv.`);
    const asOf = values['as-of'] ?? dayOf(today);
    if (!isDay(asOf)) throw new UsageError(`--as-of "${asOf}" is not a real date in the form YYYY-MM-DD.`);

    const checked = validateConfig(withDefaults(values.config ? readJson(values.config, 'config') : {}));
    if (!checked.ok)
      throw new UsageError(
        `The config in ${values.config} is invalid: ${formatFieldErrors(checked.errors, checked.total)}.`,
      );
    const config = checked.config;
    // Spec 8.7: group membership needs Jira, so the command takes top management as people only.
    if (config.topManagement.groups.length > 0)
      throw new UsageError(
        `The config in ${values.config} names Jira groups as top management (topManagement.groups), which the report command cannot look up without Jira: name the people by account id in topManagement.accountIds instead.`,
      );
    const top = { accountIds: config.topManagement.accountIds, groupsNamed: false, inNamedGroup: {} };

    const { issues, ofProject, heldProjects } = readData(values.data, projects, config);
    // A key the export does not hold is a typo or the wrong file, not an empty project to grade.
    if (ofProject === 0 && heldProjects.size > 0) throw new UsageError(notHeld(values.data, projects, heldProjects));
    const report = {
      ...buildReport(projectKey, issues, config, asOf, { top }),
      ...buildTimeline(issues, config, asOf, top),
    };
    const stderr =
      ofProject === 0
        ? `report: note: the data holds no issues at all, so the report is for an empty ${projects.length === 1 ? 'project' : 'scope'}.\n`
        : '';
    const stdout =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'csv'
          ? reportToCsv(report)
          : reportToMarkdown(report);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataShapeError || error instanceof DuplicateIssueError)
      return { stdout: '', stderr: `report: ${error.message}\n`, code: 2 };
    if (error instanceof IssueDataError)
      return { stdout: '', stderr: `report: the data has a bad issue: ${error.message}.\n`, code: 2 };
    throw error;
  }
}

if (require.main === module) {
  const { stdout, stderr, code } = runReport(process.argv.slice(2), new Date());
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
