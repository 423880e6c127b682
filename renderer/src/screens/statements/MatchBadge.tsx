import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementEntryT } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';

const COLORS: Record<NonNullable<StatementEntryT['kind']>, string> = {
  batchCredit: 'green',
  return: 'red',
  transfer: 'navy',
  refund: 'grape',
  manual: 'teal',
  account: 'gray',
};

/** What an entry was matched as, in the treasurer's words; a storno with its reason code and the reason in plain words. */
export function MatchBadge({ entry }: { entry: StatementEntryT }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = entry.returnReason;
  if (entry.state === 'unmatched') {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="orange" variant="light" tt="none">
          {t('statements.kind.unmatched')}
        </Badge>
        {reason && <ReasonText code={reason.code} label={reason.label[f.lang]} />}
      </Stack>
    );
  }
  if (entry.state === 'none' || entry.kind === null) {
    return (
      <Badge color="gray" variant="outline" tt="none">
        {t('statements.kind.none')}
      </Badge>
    );
  }
  // our own refund sent back by the member's bank: said as such, with why, not as the refund leaving
  if (entry.kind === 'refund' && entry.amount > 0) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="red" variant="light" tt="none">
          {`${t('statements.kind.refundReturned')}${reason?.code ? ` ${reason.code}` : ''}`}
        </Badge>
        {reason && <ReasonText label={reason.label[f.lang]} />}
      </Stack>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={COLORS[entry.kind]} variant="light" tt="none">
        {entry.kind === 'return' && reason?.code ? `${t(`statements.returnKind.${reason.kind}`)} ${reason.code}` : t(`statements.kind.${entry.kind}`)}
      </Badge>
      {reason && entry.kind === 'return' && <ReasonText label={reason.label[f.lang]} />}
    </Stack>
  );
}

function ReasonText({ code, label }: { code?: string | null; label: string }) {
  return (
    <Text size="xs" c="red.9">
      {code ? `${code}: ` : ''}
      {label}
    </Text>
  );
}
