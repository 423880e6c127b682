import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierEntryT } from '../../../../shared/api/dossier';

const COLORS: Record<DossierEntryT['kind'], string> = {
  call: 'navy',
  email: 'cyan',
  letter: 'orange',
  agreement: 'teal',
  return: 'red',
  note: 'gray',
  handover: 'grape',
  due_date: 'yellow',
};

/** One look per kind of contact, in the dossier on the card and on the belrondje alike. */
export function KindBadge({ kind }: { kind: DossierEntryT['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[kind]} variant="light" tt="none" style={{ flexShrink: 0 }}>
      {t(`dossier.kind_${kind}`)}
    </Badge>
  );
}
