/** "Create issue" on findings, upcoming lapses and the issue panel's checks (spec 10). */
export { FixAction, type FixActionProps } from './FixAction';
export { upcomingFixAction } from './upcoming';
export { fixableCategory, isLapse } from './text';
export { mountScreenOrFixDialog } from './screen';
