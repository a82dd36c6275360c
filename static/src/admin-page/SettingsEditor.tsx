import { useMemo, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ConfigState } from '../../../src/contract/invoke';
import { CATEGORIES } from '../../../src/core/categories';
import type { FieldError } from '../../../src/core/config';
import * as api from '../shared/api';
import { toApiError, type ApiError } from '../shared/api-error';
import { PageLayout } from '../shared/components/PageLayout';
import { formatInstant } from '../shared/format';
import { useDateFields, useIssueTypes, useUserFields } from '../shared/hooks';
import { CategorySettings } from './CategorySettings';
import { GradingLink } from './GradingLink';
import { describeField } from './fields';
import { knownName, NO_PICKED_NAMES, type PickedNames } from './names';
import type { PickerOption } from './PeoplePickers';
import {
  applyChanges,
  checkForm,
  errorMap,
  formChanges,
  fromConfig,
  fromServerFields,
  sameForm,
  type ConfigForm,
} from './form';
import { GeneralSettings } from './GeneralSettings';
import { ConflictNotice, FailedNotice, StoredProblemNotice, TheirVersionNotice } from './Notices';
import { Refusal, SUBTITLE, TITLE } from './Refusal';
import { SaveBar } from './SaveBar';
import { countBySection, hasControl, type SectionId } from './section-list';
import { SectionNav, useSections } from './SectionNav';
import { ScopeSettings } from './ScopeSettings';
import { HistorySection, ResetSection } from './Sections';
import { TopManagementSettings } from './TopManagementSettings';

/**
 * The sections' navigation beside the section shown where the frame is wide enough, above it where
 * not: wrapping on the frame's own width, which Jira sets, not the viewport's.
 */
const layoutStyle = { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.300') } as const;
const navStyle = { flex: '0 0 240px', maxWidth: '100%' } as const;
const sectionStyle = { flex: '1 1 480px', minWidth: 0 } as const;

/** Whether a problem is shown at its control: a page's scope only while the page is on the form. */
function isPlaced(field: string, form: ConfigForm): boolean {
  const page = /^scopes\.([^.]+)/.exec(field)?.[1];
  return hasControl(field) && (page === undefined || Object.hasOwn(form.scopes, page));
}

function savedLine(state: ConfigState): string {
  if (state.version === 0) return 'Version 0: the product defaults, never saved.';
  if (!state.updatedAt) return `Version ${state.version}.`;
  const by = state.updatedBy ? (state.updatedBy.displayName ?? state.updatedBy.accountId) : 'an administrator';
  return `Version ${state.version}, last saved by ${by} on ${formatInstant(state.updatedAt)}.`;
}

function rememberNames(known: PickedNames, kind: 'groups' | 'people', options: PickerOption[]): PickedNames {
  const fresh = options.flatMap((o) => (o.name === undefined ? [] : [[o.value, o.name] as const]));
  return fresh.length === 0 ? known : { ...known, [kind]: { ...known[kind], ...Object.fromEntries(fresh) } };
}

type Outcome =
  | { kind: 'saved' | 'reset'; version: number }
  | { kind: 'conflict'; error: ApiError }
  | { kind: 'failed'; error: ApiError; what: 'save' | 'reset' | 'load' };

/** The draft typed before "Load their version", kept so it can be re-applied. */
interface Stash {
  mine: ConfigForm;
  myBase: ConfigForm;
}

/**
 * The admin's editor, from a loaded config the caller may edit. Every change is checked with the
 * engine's validateConfig; the back end's field errors are shown the same way. A draft is never
 * dropped silently: a conflict keeps it, and loading their version puts it aside to re-apply.
 */
export function SettingsEditor({ initial }: { initial: ConfigState }) {
  const [base, setBase] = useState(initial);
  const [form, setForm] = useState(() => fromConfig(initial.config));
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<null | 'saving' | 'resetting' | 'loading'>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [stash, setStash] = useState<Stash | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const dateFields = useDateFields(true);
  const userFields = useUserFields(true);
  const issueTypes = useIssueTypes(true);
  // Names of groups and people picked here, shown until a save brings Jira's own.
  const [picked, setPicked] = useState<PickedNames>(NO_PICKED_NAMES);
  const bar = useRef<HTMLElement>(null);
  const sections = useSections(bar);

  const baseForm = useMemo(() => fromConfig(base.config), [base]);
  const check = useMemo(() => checkForm(form), [form]);
  const allErrors = [...(check.ok ? [] : check.errors), ...serverErrors];
  const errors = errorMap(allErrors);
  const dirty = !sameForm(baseForm, form);
  const conflicted = outcome?.kind === 'conflict';
  // Unusable stored settings are replaced by any save, even of the defaults the form starts with.
  const replacing = base.storedProblem !== undefined;
  const canSave = (dirty || replacing) && check.ok && busy === null && !conflicted;

  if (refused !== null) return <Refusal message={refused} />;

  const edit = (next: ConfigForm) => {
    setForm(next);
    setServerErrors([]);
    setOutcome((o) => (o && (o.kind === 'saved' || o.kind === 'reset') ? null : o));
  };

  const adopt = (state: ConfigState) => {
    setBase(state);
    setForm(fromConfig(state.config));
    setServerErrors([]);
  };

  const fail = (error: unknown, what: 'save' | 'reset' | 'load') => {
    const e = toApiError(error);
    if (e.code === 'FORBIDDEN') {
      setRefused(e.message);
      return;
    }
    if (e.code === 'CONFLICT') {
      setOutcome({ kind: 'conflict', error: e });
      return;
    }
    if (e.code === 'INVALID_INPUT') setServerErrors(fromServerFields(e.details?.fields ?? []));
    setOutcome({ kind: 'failed', error: e, what });
  };

  const store = (kind: 'saved' | 'reset', request: () => Promise<ConfigState>) => {
    setBusy(kind === 'saved' ? 'saving' : 'resetting');
    setOutcome(null);
    request()
      .then(
        (state) => {
          adopt(state);
          setStash(null);
          setOutcome({ kind, version: state.version });
        },
        (error: unknown) => fail(error, kind === 'saved' ? 'save' : 'reset'),
      )
      .finally(() => setBusy(null));
  };
  const save = () => {
    if (check.ok) store('saved', () => api.saveConfig(check.config, base.version));
  };
  const reset = () => store('reset', () => api.resetConfig(base.version));

  /** After a CONFLICT: show the stored version, keeping the typed draft to re-apply. */
  const loadTheirs = () => {
    setBusy('loading');
    api
      .getConfig()
      .then(
        (state) => {
          if (!state.canEdit) {
            setRefused('Your Jira administrator rights were removed while you were editing.');
            return;
          }
          if (dirty) setStash({ mine: form, myBase: baseForm });
          adopt(state);
          setOutcome(null);
        },
        (error: unknown) => fail(error, 'load'),
      )
      .finally(() => setBusy(null));
  };

  const reapply = (kept: Stash) => {
    edit(applyChanges(form, formChanges(kept.myBase, kept.mine)));
    setStash(null);
  };

  const saveStatus = (): string => {
    if (busy === 'saving') return 'Saving…';
    if (busy === 'resetting') return 'Resetting…';
    if (conflicted) return 'Not saved: load their version first';
    if (allErrors.length > 0)
      return `${allErrors.length === 1 ? '1 problem' : `${allErrors.length} problems`} to fix before saving`;
    if (outcome?.kind === 'saved') return `Saved. Version ${outcome.version} now applies to every project.`;
    if (outcome?.kind === 'reset') return `Reset to the defaults (version ${outcome.version}).`;
    if (dirty) return 'Unsaved changes';
    return replacing ? 'Save to replace the damaged settings' : 'No changes to save';
  };
  const unplaced = allErrors.filter((e) => !isPlaced(e.field, form));
  const shows = (id: SectionId) => sections.current === id;

  return (
    <PageLayout title={TITLE} subtitle={SUBTITLE} actions={<GradingLink />}>
      <Text as="p" color="color.text.subtle">
        {savedLine(base)}
      </Text>
      {base.storedProblem ? <StoredProblemNotice problem={base.storedProblem} /> : null}

      <SaveBar
        barRef={bar}
        status={saveStatus()}
        problem={allErrors.length > 0}
        canSave={canSave}
        saving={busy === 'saving'}
        canDiscard={dirty}
        busy={busy !== null}
        onSave={save}
        onDiscard={() => edit(baseForm)}
      >
        {outcome?.kind === 'conflict' ? (
          <ConflictNotice error={outcome.error} onLoadTheirs={loadTheirs} busy={busy !== null} />
        ) : null}
        {stash ? (
          <TheirVersionNotice
            version={base.version}
            theirs={baseForm}
            mine={stash.mine}
            myBase={stash.myBase}
            onReapply={() => reapply(stash)}
            onDiscard={() => setStash(null)}
          />
        ) : null}
        {outcome?.kind === 'failed' ? <FailedNotice error={outcome.error} what={outcome.what} /> : null}
        {unplaced.length > 0 ? (
          <ul style={{ margin: 0 }} aria-label="Other problems">
            {unplaced.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <Text color="color.text.danger">{`⚠ ${describeField(e.field)}: ${e.message}`}</Text>
              </li>
            ))}
          </ul>
        ) : null}
      </SaveBar>

      <div style={layoutStyle}>
        <div style={navStyle}>
          <SectionNav
            current={sections.current}
            onShow={sections.show}
            problems={countBySection(allErrors.filter((e) => isPlaced(e.field, form)).map((e) => e.field))}
            edited={countBySection(formChanges(baseForm, form).map((c) => c.field))}
          />
        </div>
        {/* Every section stays mounted, hidden when not shown: what is typed in one (a half-typed
            label, a picker's search) is still there when the admin comes back to it. */}
        <div style={sectionStyle}>
          <div hidden={!shows('general')}>
            <GeneralSettings
              form={form}
              update={(change) => edit({ ...form, ...change })}
              errors={errors}
              dateFields={dateFields.state}
              retryDateFields={dateFields.retry}
              issueTypes={issueTypes.state}
              retryIssueTypes={issueTypes.retry}
            />
          </div>
          <div hidden={!shows('scopes')}>
            <ScopeSettings
              scopes={form.scopes}
              onChange={(scopes) => edit({ ...form, scopes })}
              errors={errors}
              savedNames={base.names?.projects}
            />
          </div>
          <div hidden={!shows('top-management')}>
            <TopManagementSettings
              form={form}
              update={(change) => edit({ ...form, ...change })}
              errors={errors}
              names={base.names}
              picked={picked}
              onPicked={(kind, options) => setPicked((known) => rememberNames(known, kind, options))}
              userFields={userFields.state}
              retryUserFields={userFields.retry}
            />
          </div>
          <div hidden={!CATEGORIES.some((c) => shows(c.id))}>
            <section aria-labelledby="c51-categories">
              <Stack space="space.200">
                <Heading size="medium" as="h2" id="c51-categories">
                  Evidence categories
                </Heading>
                {CATEGORIES.map((definition) => (
                  <div key={definition.id} hidden={!shows(definition.id)}>
                    <CategorySettings
                      definition={definition}
                      value={form.categories[definition.id]}
                      onChange={(value) =>
                        edit({ ...form, categories: { ...form.categories, [definition.id]: value } })
                      }
                      errors={errors}
                    />
                  </div>
                ))}
              </Stack>
            </section>
          </div>
          <div hidden={!shows('reset-history')}>
            <Stack space="space.400">
              <ResetSection dirty={dirty} busy={busy !== null} onReset={reset} />
              <HistorySection version={base.version} nameOf={(id) => knownName(id, base.names, picked)} />
            </Stack>
          </div>
        </div>
      </div>
    </PageLayout>
  );
}
