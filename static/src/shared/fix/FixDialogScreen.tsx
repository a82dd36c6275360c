import { useCallback } from 'react';
import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives';
import { closeDialog } from '../api';
import { Notice } from '../components/Notice';
import { fixDialogContextOf, type FixDialogResult } from './dialog';
import { DialogLayout } from './DialogLayout';
import FixDialog from './FixDialog';

/**
 * The resource as Jira starts it in its modal layer for "Create issue": the dialog for the fix
 * its context names, ended with `view.close`, which hands the outcome to the action that opened it.
 */
export default function FixDialogScreen({ context }: { context: unknown }) {
  const dialog = fixDialogContextOf(context);
  const close = useCallback((result?: FixDialogResult) => {
    closeDialog(result).catch((error: unknown) => {
      // Escape still closes it: Jira's modal layer does that, not this page.
      console.warn('Clause 5.1 coverage: Jira did not close the dialog', error);
    });
  }, []);
  if (!dialog)
    return (
      <DialogLayout title="Create an issue" footer={<Button onClick={() => close()}>Close</Button>}>
        <Notice appearance="error" title="Nothing to create" live="alert">
          <Text as="p">This dialog was opened without a finding to fix. Close it and use Create issue beside one.</Text>
        </Notice>
      </DialogLayout>
    );
  return <FixDialog request={dialog.fixRequest} subject={dialog.subject} onClose={close} />;
}
