// Modal dialogs on react-aria: focus is trapped inside and returns to the button that opened it.
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, ButtonRow } from './ui';

export function ModalDialog({
  isOpen,
  onClose,
  title,
  children,
  role = 'dialog',
}: {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function ConfirmDialog({
  isOpen,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  pending,
}: {
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
}) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={title} role="alertdialog">
      {children}
      <ButtonRow>
        <Button variant="danger" onPress={() => !pending && onConfirm()} aria-disabled={pending || undefined}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          Avbryt
        </Button>
      </ButtonRow>
    </ModalDialog>
  );
}
