import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconCalendarEvent, IconDiscountOff, IconDots, IconHistory, IconReceiptOff, IconSeparator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../../shared/api/contract';
import { isFee, isOpen, whyNoWaive, type PanelKind } from './itemRules';

/** The actions of one row, in a menu so they never run together; each opens its form for this item only. */
export function ItemRowMenu({ item, onPick }: { item: OpenItemT; onPick: (item: OpenItemT, kind: PanelKind) => void }) {
  const { t } = useTranslation();
  // The menu (a popover with its positioning) is only built for the row whose button was used:
  // rows mount by the dozen while the grid scrolls, and a menu per row costs frames.
  const [armed, setArmed] = useState(false);
  const button = (
    <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('items.rowActions', { document: item.document })} aria-haspopup="menu" onClick={armed ? undefined : () => setArmed(true)}>
      <IconDots size={18} stroke={1.6} />
    </ActionIcon>
  );
  if (!armed) return button;
  const open = isOpen(item);
  const waiveWhy = whyNoWaive(item);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" defaultOpened onClose={() => setArmed(false)}>
      <Menu.Target>{button}</Menu.Target>
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
        {isFee(item) && (
          // a fee that cannot be waived says why under its name: a disabled menu item gets no tooltip
          <Menu.Item color="red" leftSection={<IconDiscountOff size={16} stroke={1.6} aria-hidden />} disabled={!!waiveWhy} onClick={() => onPick(item, 'waive')}>
            {t('items.waive')}
            {waiveWhy && (
              <Text size="xs" c="dimmed" maw={220}>
                {t(waiveWhy)}
              </Text>
            )}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
