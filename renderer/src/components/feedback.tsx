import { Anchor, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import i18n from '../i18n';

export interface MoneyAction {
  title: ReactNode;
  /** what will happen, in euros and counts ("12 posten, samen € 1.234,00, gaan naar de bank") */
  body: ReactNode;
  /** whether and how it can be undone ("Terug te draaien met een creditnota."); null: it cannot */
  undo: ReactNode | null;
  /** the confirm button's text, a verb ("Incasso opslaan"); default "Doorgaan" */
  confirmLabel?: string;
  /** red confirm button for actions that take money off the books (write off, cancel) */
  danger?: boolean;
}

/**
 * Asks before a money action. Resolves true when the treasurer confirms, false on cancel, Escape
 * or a click outside. Usage: `if (!(await confirmMoneyAction({...}))) return;`
 */
export function confirmMoneyAction(action: MoneyAction): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (yes: boolean) => {
      if (answered) return;
      answered = true;
      resolve(yes);
    };
    modals.openConfirmModal({
      title: action.title,
      children: (
        <Stack gap="sm">
          <Text size="sm">{action.body}</Text>
          {action.undo === null ? (
            <Text size="sm" c="red.8" fw={600}>
              <IconAlertTriangle size={16} style={{ verticalAlign: '-3px', marginRight: 6 }} aria-hidden />
              {i18n.t('ui.cannotUndo')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {i18n.t('ui.undoHow')} {action.undo}
            </Text>
          )}
        </Stack>
      ),
      labels: { confirm: action.confirmLabel ?? i18n.t('ui.proceed'), cancel: i18n.t('app.cancel') },
      confirmProps: action.danger ? { color: 'red' } : undefined,
      onConfirm: () => answer(true),
      onCancel: () => answer(false),
      onClose: () => answer(false),
    });
  });
}

/** Says what happened, with a link to the result ("Bekijk de incasso"). */
export function notifySuccess(message: ReactNode, link?: { href: string; label: string }): void {
  notifications.show({
    color: 'green',
    icon: <IconCheck size={18} aria-hidden />,
    message: (
      <>
        {message}
        {link && (
          <>
            {' '}
            <Anchor href={link.href} size="sm" fw={600}>
              {link.label}
            </Anchor>
          </>
        )}
      </>
    ),
    autoClose: link ? 10_000 : 5_000,
    closeButtonProps: { 'aria-label': i18n.t('app.close') },
  });
}

/** A failure the treasurer did not cause by a field (a download that could not be written). */
export function notifyError(message: ReactNode): void {
  notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} aria-hidden />, message, autoClose: false, closeButtonProps: { 'aria-label': i18n.t('app.close') } });
}
