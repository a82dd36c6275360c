/**
 * The names of the groups, people and fields the settings hold, as the page knows them: from the
 * back end (config/get and config/save name them, or say Jira no longer has one) and from what the
 * admin just picked. Pure, so the words are tested without a screen.
 */
import type { ConfiguredNames } from '../../../src/contract/invoke';

export type NameKind = 'groups' | 'people' | 'fields';

/** Names the admin picked in this session, by kind and id: fresher than what was loaded. */
export type PickedNames = Record<'groups' | 'people', Readonly<Record<string, string>>>;

export const NO_PICKED_NAMES: PickedNames = { groups: {}, people: {} };

/** The name, null when Jira no longer has it, undefined when the page does not know. */
export function nameOf(
  kind: NameKind,
  id: string,
  names: ConfiguredNames | undefined,
  picked: PickedNames = NO_PICKED_NAMES,
): string | null | undefined {
  if (kind !== 'fields' && Object.hasOwn(picked[kind], id)) return picked[kind][id];
  const known = names?.[kind];
  return known && Object.hasOwn(known, id) ? known[id] : undefined;
}

/** Long ids (UUIDs, account ids) cut to their first characters: enough to find them in Jira's admin pages. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

const NOUN: Record<NameKind, string> = { groups: 'Group', people: 'Person', fields: 'Field' };

/** "Group 952d1b2c… no longer exists in Jira". */
export function missingSentence(kind: NameKind, id: string): string {
  return `${NOUN[kind]} ${shortId(id)} no longer exists in Jira`;
}

/** What a chosen group or person is called on the page: the name, or the id said to be missing or unnamed. */
export function displayName(id: string, name: string | null | undefined): string {
  if (name === null) return `${shortId(id)} (no longer in Jira)`;
  return name ?? shortId(id);
}

/** The name of a group id or an account id, for the change history, where the page knows it. */
export function knownName(id: string, names: ConfiguredNames | undefined, picked: PickedNames): string | undefined {
  return nameOf('groups', id, names, picked) ?? nameOf('people', id, names, picked) ?? undefined;
}
