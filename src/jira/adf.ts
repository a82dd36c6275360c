import { isRecord } from '../core/guards';

// Nodes that are content even without text: an image, a file, a link card, a mention, an emoji.
const CONTENT_NODES = new Set([
  'media',
  'mediaSingle',
  'mediaGroup',
  'mediaInline',
  'inlineCard',
  'blockCard',
  'embedCard',
  'mention',
  'emoji',
]);

function hasContent(node: unknown, depth: number): boolean {
  if (depth > 100 || !isRecord(node)) return false;
  if (typeof node.type === 'string' && CONTENT_NODES.has(node.type)) return true;
  if (node.type === 'text' && typeof node.text === 'string' && node.text.trim() !== '') return true;
  return Array.isArray(node.content) && node.content.some((child) => hasContent(child, depth + 1));
}

/**
 * Whether a description says anything (spec 8.2, described): a non-blank string (v2 or wiki text),
 * or an Atlassian Document Format document with text or a media, card, mention or emoji node.
 * Only this yes/no leaves here: the description's text is never kept.
 */
export function isDescribed(description: unknown): boolean {
  if (description === null || description === undefined) return false;
  if (typeof description === 'string') return description.trim() !== '';
  return hasContent(description, 0);
}
