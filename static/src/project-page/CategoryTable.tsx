import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CategoryResult } from '../../../src/core/types';
import { StatusLozenge } from '../shared/components/Lozenges';
import { VISUALLY_HIDDEN } from '../shared/components/VisuallyHidden';
import { formatDay } from '../shared/format';
import { EvidenceList } from './EvidenceList';
import { cell, headCell } from './table-styles';

const detailCell = { ...cell, background: token('color.background.neutral.subtle.hovered') } as const;

/** When the category stops being met: its lapse date, "No expiry" for held roles, else a dash. */
function lapses(category: CategoryResult): string {
  if (category.expiresOn) return formatDay(category.expiresOn);
  if (category.rule === 'role' && (category.status === 'met' || category.status === 'partial'))
    return 'No expiry (while the role is held)';
  return '—';
}

/**
 * The newest evidence that counts, as an auditor means it; newer done evidence that does not count
 * is named beside it, so the date never passes a rejected record off as the current one.
 */
function NewestEvidence({ category }: { category: CategoryResult }) {
  const newer = category.newerNotCounting;
  return (
    <Stack space="space.050">
      <span>{category.newestCountingDate ? formatDay(category.newestCountingDate) : '—'}</span>
      {newer ? (
        <Text size="small" color="color.text.subtle">
          {`${category.newestCountingDate ? 'Newer, not counting' : 'Newest, not counting'}: ${formatDay(newer.day)} (${newer.issueKeys.join(', ')})`}
        </Text>
      ) : null}
    </Stack>
  );
}

function CategoryRow({ category, open, onToggle }: { category: CategoryResult; open: boolean; onToggle: () => void }) {
  const detailId = `c51-evidence-${category.id}`;
  return (
    <>
      <tr>
        <th scope="row" style={cell}>
          <span className="c51-no-print">
            <Button
              appearance="subtle"
              spacing="compact"
              aria-expanded={open}
              aria-controls={detailId}
              onClick={onToggle}
            >
              <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
              {category.name}
            </Button>
          </span>
          <span className="c51-print-only">{category.name}</span>
          <Box paddingInlineStart="space.100">
            <Text size="small" color="color.text.subtle">
              Items {category.items.map((i) => `(${i})`).join(', ')}
            </Text>
          </Box>
        </th>
        <td style={cell}>
          <Stack space="space.050">
            <span>
              <StatusLozenge status={category.status} />
            </span>
            {category.status === 'disabled' ? (
              <Text size="small">{category.disabledReason ?? 'Disabled by a Jira admin.'}</Text>
            ) : null}
          </Stack>
        </td>
        <td style={cell}>{category.evidence.length}</td>
        <td style={cell}>
          <NewestEvidence category={category} />
        </td>
        <td style={cell}>{lapses(category)}</td>
      </tr>
      <tr id={detailId} hidden={!open} className="c51-details">
        <td colSpan={5} style={detailCell}>
          <EvidenceList category={category} />
        </td>
      </tr>
    </>
  );
}

/** The ten evidence categories, each expandable to the issues behind its status. */
export function CategoryTable({ categories }: { categories: CategoryResult[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const allOpen = open.size === categories.length;
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section aria-labelledby="c51-categories">
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="medium" as="h2" id="c51-categories">
            Evidence categories
          </Heading>
          <span className="c51-no-print">
            <Button
              spacing="compact"
              onClick={() => setOpen(allOpen ? new Set() : new Set(categories.map((c) => c.id)))}
            >
              {allOpen ? 'Collapse all' : 'Expand all'}
            </Button>
          </span>
        </Inline>
        <div style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%', margin: 0 }}>
            <caption style={VISUALLY_HIDDEN}>
              Status of each Clause 5.1 evidence category; expand a category to see its issues.
            </caption>
            <thead>
              <tr>
                <th scope="col" style={headCell}>
                  Category
                </th>
                <th scope="col" style={headCell}>
                  Status
                </th>
                <th scope="col" style={headCell}>
                  Evidence issues
                </th>
                <th scope="col" style={headCell}>
                  Newest evidence that counts
                </th>
                <th scope="col" style={headCell}>
                  Coverage lapses on
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <CategoryRow
                  key={category.id}
                  category={category}
                  open={open.has(category.id)}
                  onToggle={() => toggle(category.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </Stack>
    </section>
  );
}
