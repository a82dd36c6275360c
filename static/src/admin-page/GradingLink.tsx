import { Text } from '@atlaskit/primitives';

/**
 * The settings page's help: how the app grades, for admins and auditors (docs/grading.md, built
 * beside this page as grading.html, so the link works wherever Forge serves the resource). A new
 * tab, which Forge's frame sandbox allows, so unsaved settings stay where they are.
 */
export function GradingLink() {
  return (
    <Text>
      <a href="./grading.html" target="_blank" rel="noopener noreferrer">
        How the app grades the evidence
      </a>
    </Text>
  );
}
