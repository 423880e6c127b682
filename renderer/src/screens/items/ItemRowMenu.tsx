import { ActionIcon, Menu } from '@mantine/core';
import { IconCalendarEvent, IconDots, IconHistory, IconReceiptOff, IconSeparator } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../../shared/api/contract';
import { isOpen, type PanelKind } from './itemRules';

/** The actions of one row, in a menu so they never run together; each opens its form for this item only. */
export function ItemRowMenu({ item, onPick }: { item: OpenItemT; onPick: (item: OpenItemT, kind: PanelKind) => void }) {
  const { t } = useTranslation();
  const open = isOpen(item);
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('items.rowActions', { document: item.document })}>
          <IconDots size={18} stroke={1.6} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconSeparator size={16} stroke={1.6} aria-hidden />} disabled={!open} onClick={() => onPick(item, 'split')}>
          {t('items.split')}
        </Menu.Item>
        <Menu.Item leftSection={<IconCalendarEvent size={16} stroke={1.6} aria-hidden />} disabled={!open} onClick={() => onPick(item, 'dueDate')}>
          {t('items.changeDueDate')}
        </Menu.Item>
        <Menu.Item leftSection={<IconHistory size={16} stroke={1.6} aria-hidden />} onClick={() => onPick(item, 'history')}>
          {t('items.history')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconReceiptOff size={16} stroke={1.6} aria-hidden />} disabled={!open} onClick={() => onPick(item, 'writeOff')}>
          {t('items.writeOff')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
