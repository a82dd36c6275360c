/**
 * Spec 11: the projects whose issues are a project page's evidence. Each page listed shows its
 * projects as tags, its own first (always counted, so never removable); a project picker adds
 * more, up to 20. Removing the last other project takes the page off the list: it grades its own
 * project alone again.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { JiraProject } from '../../../src/contract/invoke';
import { MAX_SCOPE_PROJECTS, MAX_SCOPED_PAGES } from '../../../src/core/config';
import { LoadingState } from '../shared/components/States';
import { VisuallyHidden } from '../shared/components/VisuallyHidden';
import { cardStyle, chipListStyle, chipStyle, describedBy, FieldMessages } from './controls';
import { scopeOf, withScope, type ErrorMap } from './form';

const ProjectPicker = lazy(() => import('./ProjectPicker'));

type Scopes = Record<string, string[]>;
/** Project names by key, as Jira's search gave them in this session. */
type Names = Readonly<Record<string, string>>;

/** The names Jira gave for saved projects, without the keys it no longer has a project for. */
function knownNames(saved: Readonly<Record<string, string | null>> | undefined): Names {
  return Object.fromEntries(Object.entries(saved ?? {}).flatMap(([key, name]) => (name === null ? [] : [[key, name]])));
}

const ADD_PAGE_BUTTON = 'c51-scope-add-page';
const NEW_PAGE_PICKER = 'c51-scope-new-page';
const idOf = (page: string) => `c51-scope-${page}`;
const pickerOf = (page: string) => `${idOf(page)}-add`;

/** "Board (BOARD)" when the name is known, else the key. */
const projectLabel = (key: string, names: Names): string =>
  Object.hasOwn(names, key) ? `${names[key]} (${key})` : key;

const PAGE_LIST = {
  margin: 0,
  padding: 0,
  listStyle: 'none',
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.150'),
} as const;

const pickerFallback = <LoadingState label="Loading the project picker…" />;

/** Why a project picked for a page is not added, or null when it is. */
function refusalOf(page: string, keys: readonly string[], key: string): string | null {
  if (key === page) return `${page} is this page's own project: its issues always count`;
  if (keys.includes(key)) return `${key} is already listed for ${page}`;
  if (keys.length >= MAX_SCOPE_PROJECTS)
    return `${page} already counts ${MAX_SCOPE_PROJECTS} projects, the most a page can: remove one to add ${key}`;
  return null;
}

/** One project page: its projects as tags, their messages, and the picker that adds more. */
function PageScope({
  page,
  listed,
  names,
  errors,
  refusal,
  onPick,
  onRemove,
  onReset,
}: {
  page: string;
  /** The page's list as the form holds it; undefined while the page is being set up. */
  listed: readonly string[] | undefined;
  names: Names;
  errors: ErrorMap;
  refusal: string | undefined;
  onPick: (project: JiraProject) => void;
  onRemove: (key: string) => void;
  onReset: () => void;
}) {
  const id = idOf(page);
  const path = `scopes.${page}`;
  const keys = scopeOf(page, listed);
  const setUp = listed !== undefined;
  // Messages name the list as the form holds it (`scopes.ISMS.1`), which may differ from the order shown.
  const messagesAt = (key: string): string[] =>
    (listed ?? []).flatMap((k, index) => (k === key ? (errors.get(`${path}.${index}`) ?? []) : []));
  const count = `${keys.length} of ${MAX_SCOPE_PROJECTS} projects`;
  return (
    <Box as="section" aria-labelledby={`${id}-title`} padding="space.200" xcss={cardStyle}>
      <Stack space="space.150">
        <Stack space="space.050">
          <Heading size="small" as="h3" id={`${id}-title`}>
            {setUp ? `${page}: ${keys.join(', ')}` : `${page}: ${page} alone so far`}
          </Heading>
          <Text size="small" color="color.text.subtle">
            {setUp
              ? `The page of ${projectLabel(page, names)} grades the issues of these projects together. ${count}.`
              : `Add the projects whose issues count for the page of ${projectLabel(page, names)}, besides its own.`}
          </Text>
        </Stack>
        <ul aria-label={`Projects whose issues count for ${page}`} style={chipListStyle}>
          {keys.map((key) => {
            const messages = messagesAt(key);
            const errorId = `${id}-${key}-error`;
            return (
              <li key={key}>
                <span style={chipStyle}>
                  <Text>{projectLabel(key, names)}</Text>
                  {key === page ? (
                    <Text size="small" color="color.text.subtlest">
                      {"this page's own project"}
                    </Text>
                  ) : (
                    <Button
                      spacing="compact"
                      appearance="subtle"
                      aria-label={`Remove ${key} from the evidence of ${page}`}
                      aria-describedby={describedBy(messages.length > 0 && errorId)}
                      onClick={() => onRemove(key)}
                    >
                      <span aria-hidden="true">×</span>
                    </Button>
                  )}
                </span>
                <FieldMessages id={errorId} messages={messages} />
              </li>
            );
          })}
        </ul>
        <FieldMessages id={`${id}-error`} messages={errors.get(path)} />
        <Suspense fallback={pickerFallback}>
          <ProjectPicker
            id={pickerOf(page)}
            label={
              <>
                Add a project<VisuallyHidden>{` to the evidence of ${page}`}</VisuallyHidden>
              </>
            }
            help={
              keys.length >= MAX_SCOPE_PROJECTS
                ? `${count}: remove one to add another.`
                : `${count}. Search Jira's projects by key or name.`
            }
            placeholder="Search Jira's projects"
            listed={keys}
            onPick={onPick}
            messages={refusal === undefined ? [] : [refusal]}
          />
        </Suspense>
        <Inline>
          <Button appearance="subtle" onClick={onReset}>
            {setUp ? `Count ${page} alone` : 'Cancel'}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

/** The "Evidence from several projects" section of the settings. */
export function ScopeSettings({
  scopes,
  onChange,
  errors,
  savedNames,
}: {
  scopes: Scopes;
  onChange: (scopes: Scopes) => void;
  errors: ErrorMap;
  /** Jira's names of the saved scopes' projects (config/get), null for a key Jira no longer has. */
  savedNames?: Readonly<Record<string, string | null>>;
}) {
  const [picked, setNames] = useState<Names>({});
  const names = useMemo(() => ({ ...knownNames(savedNames), ...picked }), [savedNames, picked]);
  // A page picked with "Add a project page", shown until its first project makes it a setting.
  const [pending, setPending] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [addRefusal, setAddRefusal] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Readonly<Record<string, string>>>({});
  // Where focus goes once the change is on screen, so a keyboard user is never left on a removed button.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  });

  const configured = Object.keys(scopes);
  const shownPending = pending !== null && !Object.hasOwn(scopes, pending) ? pending : null;
  const pages = shownPending === null ? configured : [...configured, shownPending];

  const remember = (project: JiraProject) =>
    setNames((known) => (known[project.key] === project.name ? known : { ...known, [project.key]: project.name }));
  const refuse = (page: string, message: string | null) =>
    setRefusals((known) => {
      const rest = Object.fromEntries(Object.entries(known).filter(([key]) => key !== page));
      return message === null ? rest : { ...rest, [page]: message };
    });

  const pick = (page: string) => (project: JiraProject) => {
    remember(project);
    const keys = scopeOf(page, scopes[page]);
    const refusal = refusalOf(page, keys, project.key);
    refuse(page, refusal);
    if (refusal !== null) return;
    onChange(withScope(scopes, page, [...keys, project.key]));
    if (page === pending) setPending(null);
  };

  const remove = (page: string) => (key: string) => {
    const rest = scopeOf(page, scopes[page]).filter((k) => k !== key);
    refuse(page, null);
    if (rest.length > 1) {
      onChange(withScope(scopes, page, rest));
      focusNext.current = pickerOf(page);
    } else {
      onChange(withScope(scopes, page, null));
      focusNext.current = ADD_PAGE_BUTTON;
    }
  };

  const reset = (page: string) => () => {
    refuse(page, null);
    if (Object.hasOwn(scopes, page)) onChange(withScope(scopes, page, null));
    else setPending(null);
    focusNext.current = ADD_PAGE_BUTTON;
  };

  const pickPage = (project: JiraProject) => {
    remember(project);
    if (pages.includes(project.key)) {
      setAddRefusal(`${project.key} is listed already: add projects to it above`);
      return;
    }
    if (configured.length >= MAX_SCOPED_PAGES) {
      setAddRefusal(
        `${MAX_SCOPED_PAGES} project pages count other projects already, the most allowed: take one off to add ${project.key}`,
      );
      return;
    }
    setPending(project.key);
    setAdding(false);
    setAddRefusal(null);
    focusNext.current = pickerOf(project.key);
  };

  const closeAdding = () => {
    setAdding(false);
    setAddRefusal(null);
    focusNext.current = ADD_PAGE_BUTTON;
  };

  return (
    <section aria-labelledby="c51-scopes">
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="c51-scopes">
          Evidence from several projects
        </Heading>
        <Text as="p" color="color.text.subtle">
          {`A project page grades the issues of its own project. Where evidence sits in other projects too (Board minutes in a restricted Board project, role assignments in HR), list them here for that page: up to ${MAX_SCOPE_PROJECTS} projects, the page's own included. Each viewer's coverage counts only the projects they can browse; the page names any left out.`}
        </Text>
        <FieldMessages id="c51-scopes-error" messages={errors.get('scopes')} />
        {pages.length === 0 ? (
          <Text as="p">Every project page counts its own project alone.</Text>
        ) : (
          <ul aria-label="Project pages counting other projects" style={PAGE_LIST}>
            {pages.map((page) => (
              <li key={page}>
                <PageScope
                  page={page}
                  listed={scopes[page]}
                  names={names}
                  errors={errors}
                  refusal={refusals[page]}
                  onPick={pick(page)}
                  onRemove={remove(page)}
                  onReset={reset(page)}
                />
              </li>
            ))}
          </ul>
        )}
        {adding ? (
          <Stack space="space.100">
            <Suspense fallback={pickerFallback}>
              <ProjectPicker
                id={NEW_PAGE_PICKER}
                label="Project page"
                help="The project whose page should count other projects' issues too. Its own project always counts."
                placeholder="Search Jira's projects"
                listed={pages}
                onPick={pickPage}
                messages={addRefusal === null ? [] : [addRefusal]}
                autoFocus
              />
            </Suspense>
            <Inline>
              <Button appearance="subtle" onClick={closeAdding}>
                Cancel adding a page
              </Button>
            </Inline>
          </Stack>
        ) : (
          <Inline>
            <Button id={ADD_PAGE_BUTTON} onClick={() => setAdding(true)}>
              Add a project page
            </Button>
          </Inline>
        )}
      </Stack>
    </section>
  );
}
