import { useCallback, useEffect, useState, type RefObject } from 'react';
import { Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { plural } from '../shared/format';
import { FIRST_SECTION, SECTIONS, type Section, type SectionId } from './section-list';

const listStyle = { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: token('space.025') } as const;

const groupStyle = {
  padding: `${token('space.100')} ${token('space.100')} 0`,
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtlest'),
} as const;

const itemStyle = xcss({
  display: 'flex',
  width: '100%',
  justifyContent: 'space-between',
  alignItems: 'baseline',
  gap: 'space.100',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderRadius: 'radius.small',
  textAlign: 'start',
  font: 'font.body',
  color: 'color.text.subtle',
  backgroundColor: 'color.background.neutral.subtle',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
});

// No darker hover for the section shown: the selected text colour needs the lighter background for contrast.
const currentStyle = xcss({
  color: 'color.text.selected',
  backgroundColor: 'color.background.selected',
  ':hover': { backgroundColor: 'color.background.selected' },
  ':active': { backgroundColor: 'color.background.selected' },
});

/**
 * The section shown, and moving to another: its heading takes the focus (so a keyboard or screen
 * reader user lands on what they chose), then the Save bar is brought into view if it is above
 * the viewport, so Save and the count of problems are in reach in whatever section the admin is.
 */
export function useSections(bar: RefObject<HTMLElement>) {
  const [shown, setShown] = useState<{ id: SectionId; moves: number }>({ id: FIRST_SECTION, moves: 0 });
  useEffect(() => {
    if (shown.moves === 0) return;
    const section = SECTIONS.find((s) => s.id === shown.id);
    const heading = section ? document.getElementById(section.headingId) : null;
    // The Design System's Heading takes no tabIndex: focusable by script only, never by Tab.
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    bar.current?.scrollIntoView({ block: 'nearest' });
  }, [shown, bar]);
  const show = useCallback((id: SectionId) => setShown((s) => ({ id, moves: s.moves + 1 })), []);
  return { current: shown.id, show };
}

/** What a section holds beyond its name: its problems, else whether it has unsaved changes. */
function marksOf(problems: number, edited: boolean): string | null {
  if (problems > 0) return plural(problems, 'problem');
  return edited ? 'edited' : null;
}

function Item({
  section,
  current,
  problems,
  edited,
  onShow,
}: {
  section: Section;
  current: boolean;
  problems: number;
  edited: boolean;
  onShow: (id: SectionId) => void;
}) {
  const marks = marksOf(problems, edited);
  return (
    <li>
      <Pressable
        xcss={current ? [itemStyle, currentStyle] : itemStyle}
        aria-current={current ? 'true' : undefined}
        // Said as one phrase ("Management reviews, 1 problem"), the visible name first.
        aria-label={marks ? `${section.name}, ${marks}` : section.name}
        onClick={() => onShow(section.id)}
      >
        <span>{section.name}</span>
        {marks ? (
          <Text size="small" color={problems > 0 ? 'color.text.danger' : 'color.text.subtlest'}>
            {problems > 0 ? `⚠ ${marks}` : marks}
          </Text>
        ) : null}
      </Pressable>
    </li>
  );
}

/**
 * The sections of the settings, one shown at a time; each says how many problems it holds and
 * whether it has unsaved changes, so a problem in a section not shown can still be found.
 */
export function SectionNav({
  current,
  onShow,
  problems,
  edited,
}: {
  current: SectionId;
  onShow: (id: SectionId) => void;
  problems: ReadonlyMap<SectionId, number>;
  edited: ReadonlyMap<SectionId, number>;
}) {
  const item = (section: Section) => (
    <Item
      key={section.id}
      section={section}
      current={section.id === current}
      problems={problems.get(section.id) ?? 0}
      edited={edited.has(section.id)}
      onShow={onShow}
    />
  );
  return (
    <nav aria-label="Settings sections">
      <ul style={listStyle}>
        {SECTIONS.filter((s) => !s.category && s.id !== 'reset-history').map(item)}
        <li>
          <Stack space="space.025">
            {/* Not a heading: the section shown has the page's "Evidence categories" heading. */}
            <span id="c51-nav-categories" style={groupStyle}>
              Evidence categories
            </span>
            <ul style={listStyle} aria-labelledby="c51-nav-categories">
              {SECTIONS.filter((s) => s.category).map(item)}
            </ul>
          </Stack>
        </li>
        {SECTIONS.filter((s) => s.id === 'reset-history').map(item)}
      </ul>
    </nav>
  );
}
