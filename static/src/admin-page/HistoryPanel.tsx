import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ConfigChange } from '../../../src/contract/invoke';
import { ErrorState, LoadingState } from '../shared/components/States';
import { formatInstant } from '../shared/format';
import { useConfigHistory } from '../shared/hooks';
import { describeChangeValue, describeField } from './fields';

const who = (change: ConfigChange): string => change.by.displayName ?? change.by.accountId;

type NameOf = (id: string) => string | undefined;

function ChangeEntry({ change, nameOf }: { change: ConfigChange; nameOf: NameOf | undefined }) {
  return (
    <li
      style={{
        padding: `${token('space.100')} 0`,
        borderBottom: `${token('border.width')} solid ${token('color.border')}`,
      }}
    >
      <Stack space="space.050">
        <Text>
          <strong>{`Version ${change.version}`}</strong>
          {` · ${change.action === 'reset' ? 'Reset to defaults' : 'Saved'} by ${who(change)} · ${formatInstant(change.at)}`}
        </Text>
        {change.changes.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            No setting changed.
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {change.changes.map((c) => (
              <li key={c.field}>
                <Text size="small">
                  {`${describeField(c.field)}: ${describeChangeValue(c.field, c.from, nameOf)} → ${describeChangeValue(c.field, c.to, nameOf)}`}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </li>
  );
}

/** The latest setting changes, newest first (loaded on demand, admins only). */
export default function HistoryPanel({ nameOf }: { nameOf?: NameOf }) {
  const { state, retry } = useConfigHistory();
  if (state.status === 'loading') return <LoadingState label="Loading the change history…" />;
  if (state.status === 'error') return <ErrorState error={state.error} subject="history" onRetry={retry} />;
  const changes = [...state.data].sort((a, b) => b.version - a.version);
  if (changes.length === 0) return <Text as="p">No changes yet: these settings are still the product defaults.</Text>;
  return (
    <ol style={{ margin: 0, padding: 0, listStyle: 'none' }} aria-label="Setting changes, newest first">
      {changes.map((change) => (
        <ChangeEntry key={change.version} change={change} nameOf={nameOf} />
      ))}
    </ol>
  );
}
