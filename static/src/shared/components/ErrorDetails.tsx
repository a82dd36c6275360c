import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

const codeStyle = { font: token('font.code'), overflowWrap: 'anywhere' } as const;

/**
 * An error's code and what the browser or Jira reported, behind a toggle: what support asks for,
 * never the sentence the user reads. Closed, nothing of it is rendered, so neither a reader nor a
 * screen reader meets raw exception text until they ask for it.
 */
export function ErrorDetails({ code, raw }: { code?: string; raw?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (code === undefined && (raw === undefined || raw === '')) return null;
  return (
    <Stack space="space.050">
      <Inline>
        <Button
          appearance="subtle"
          spacing="compact"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Show details'}
        </Button>
      </Inline>
      <div id={id} hidden={!open}>
        {open ? (
          <Stack space="space.050">
            {code !== undefined ? (
              <Text as="p" size="small" color="color.text.subtle">
                Error code: <code style={codeStyle}>{code}</code>
              </Text>
            ) : null}
            {raw ? (
              <Text as="p" size="small" color="color.text.subtle">
                Reported: <code style={codeStyle}>{raw}</code>
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </div>
    </Stack>
  );
}
