/**
 * The gadget's edit view: pick the project from those Jira lets the user browse, then Save (Jira
 * stores what `view.submit` sends as the gadget's configuration) or Cancel. Loaded on its own: the
 * Design System select is most of its weight.
 */
import { useEffect, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { JiraProject } from '../../../src/contract/invoke';
import * as api from '../shared/api';
import { toApiError, type ApiError } from '../shared/api-error';
import { ErrorDetails } from '../shared/components/ErrorDetails';
import { Notice } from '../shared/components/Notice';
import { SearchFailure } from '../shared/components/SearchFailure';
import { useJiraSearch } from '../shared/hooks';

interface ProjectOption {
  value: string;
  label: string;
}

const PICKER_ID = 'c51-gadget-project';
const labelStyle = {
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
} as const;
const statusStyle = { font: token('font.body'), color: token('color.text.subtle') } as const;
// Room for the open menu: the frame is as tall as its content, and the menu would be cut off below it.
const formStyle = { minHeight: '360px', margin: 0 } as const;

const labelOf = (key: string, name?: string): string => (name ? `${name} (${key})` : key);
const optionOf = (p: JiraProject): ProjectOption => ({ value: p.key, label: labelOf(p.key, p.name) });

/** The configured project's name as Jira gives it to this user; undefined while unknown or not browsable. */
function useProjectName(projectKey: string | undefined): string | undefined {
  const [found, setFound] = useState<{ key: string; name: string }>();
  useEffect(() => {
    if (!projectKey) return undefined;
    let current = true;
    api.searchProjects(projectKey).then(
      (projects) => {
        const project = projects.find((p) => p.key === projectKey);
        if (current && project) setFound({ key: project.key, name: project.name });
      },
      // The key alone still says which project is configured.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [projectKey]);
  return found && found.key === projectKey ? found.name : undefined;
}

export default function GadgetEditor({ projectKey }: { projectKey?: string }) {
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ProjectOption | null>(null);
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: ApiError; action: 'save' | 'cancel' }>();
  const configuredName = useProjectName(projectKey);
  const found = useJiraSearch(api.searchProjects, input, open || input.trim() !== '');

  const configured = projectKey ? { value: projectKey, label: labelOf(projectKey, configuredName) } : null;
  const value = chosen ?? configured;
  const describedBy = [`${PICKER_ID}-help`, missing && `${PICKER_ID}-error`, found.error && `${PICKER_ID}-search-error`]
    .filter(Boolean)
    .join(' ');

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    if (!value) {
      setMissing(true);
      return;
    }
    setSaving(true);
    setFailure(undefined);
    // On success Jira leaves the edit view and shows the gadget: nothing more to do here.
    api.saveGadgetConfiguration({ projectKey: value.value }).catch((error: unknown) => {
      setSaving(false);
      setFailure({ error: toApiError(error), action: 'save' });
    });
  };
  const cancel = () => {
    setFailure(undefined);
    api.closeGadgetEditor().catch((error: unknown) => setFailure({ error: toApiError(error), action: 'cancel' }));
  };

  const noOptions = (): string =>
    found.error
      ? `Could not search Jira's projects: ${found.error.message}`
      : input.trim() === ''
        ? 'You cannot browse any project'
        : `No project you can browse matches "${input.trim()}"`;

  return (
    <form onSubmit={save} style={formStyle} aria-labelledby="c51-gadget-edit-title" noValidate>
      <Stack space="space.200">
        <Heading size="small" as="h2" id="c51-gadget-edit-title">
          Clause 5.1 coverage gadget
        </Heading>
        <Stack space="space.050">
          <label htmlFor={PICKER_ID} style={labelStyle}>
            Project
          </label>
          <Select<ProjectOption>
            inputId={PICKER_ID}
            value={value}
            options={found.items.map(optionOf)}
            inputValue={input}
            onInputChange={(text) => setInput(text)}
            onMenuOpen={() => setOpen(true)}
            onMenuClose={() => setOpen(false)}
            onChange={(option) => {
              setChosen(option);
              if (option) setMissing(false);
            }}
            // Jira filters: what it answers is what matches.
            filterOption={null}
            isLoading={found.loading}
            loadingMessage={() => "Searching Jira's projects…"}
            noOptionsMessage={noOptions}
            placeholder="Search the projects you can browse"
            isInvalid={missing}
            isDisabled={saving}
            descriptionId={describedBy}
            maxMenuHeight={200}
          />
          <Text id={`${PICKER_ID}-help`} size="small" color="color.text.subtlest">
            The project whose Clause 5.1 coverage the gadget shows. Everyone who views the dashboard sees only what they
            may browse of it.
          </Text>
          {missing ? (
            <Text id={`${PICKER_ID}-error`} size="small" color="color.text.danger">
              <span aria-hidden="true">⚠ </span>Choose a project first.
            </Text>
          ) : null}
          <SearchFailure id={`${PICKER_ID}-search-error`} what="projects" found={found} />
        </Stack>
        {failure ? (
          <Notice
            appearance="error"
            title={failure.action === 'save' ? 'The gadget was not saved' : 'The editor could not be closed'}
            live="alert"
          >
            <Text as="p">{failure.error.message}</Text>
            <ErrorDetails code={failure.error.code} raw={failure.error.raw} />
          </Notice>
        ) : null}
        <Inline space="space.100" alignBlock="center">
          <Button type="submit" appearance="primary" isDisabled={saving}>
            Save
          </Button>
          <Button onClick={cancel} isDisabled={saving}>
            Cancel
          </Button>
          {/* There before it speaks, so screen readers announce the change. */}
          <span role="status" style={statusStyle}>
            {saving ? 'Saving…' : ''}
          </span>
        </Inline>
      </Stack>
    </form>
  );
}
