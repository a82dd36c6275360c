import type { ReactNode } from 'react';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';

/**
 * The Design System's modal dialog with the app's layout: a title, a body that scrolls and the
 * actions at the foot. It traps focus, closes on Escape and on the blanket, and returns focus to
 * what opened it; the caller unmounts it on `onClose`. Loaded with the dialog only, on first use.
 */
export function Modal({
  title,
  onClose,
  children,
  footer,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <ModalDialog onClose={onClose} width="medium" shouldReturnFocus>
      <ModalHeader>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">{children}</Stack>
      </ModalBody>
      <ModalFooter>{footer}</ModalFooter>
    </ModalDialog>
  );
}
