import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export type NotYetScreen = 'collection' | 'statements' | 'dunning' | 'refunds';

/** Screens a later version fills: say honestly what will be here and what to do now. */
export function NotYet({ screen }: { screen: NotYetScreen }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t(`notYet.${screen}.title`)}</h1>
      <EmptyState title={t('notYet.badge')}>
        <p>{t(`notYet.${screen}.text`)}</p>
        <p className="next-step">{t(`notYet.${screen}.now`)}</p>
      </EmptyState>
    </section>
  );
}
