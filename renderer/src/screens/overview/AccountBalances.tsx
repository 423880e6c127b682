import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountT } from '../../../../shared/api/contract';
import { naturalBalance, useFormat } from '../../components/format';

/** The trial balance: every ledger account with its balance as a treasurer reads it. */
export function AccountBalances({ accounts }: { accounts: AccountT[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table aria-label={t('overview.accounts')} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('fields.code')}</Table.Th>
          <Table.Th>{t('fields.name')}</Table.Th>
          <Table.Th>{t('fields.type')}</Table.Th>
          <Table.Th ta="right">{t('fields.balance')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{a.code}</Table.Td>
            <Table.Td>{a.name}</Table.Td>
            <Table.Td c="dimmed">{t(`accountType.${a.type}`)}</Table.Td>
            <Table.Td ta="right" c={a.balance === 0 ? 'dimmed' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {f.euro(naturalBalance(a))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
