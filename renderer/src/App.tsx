import { useEffect } from 'react';
import { LoadError, Loading } from './components/Loading';
import { AppFrame } from './components/AppFrame';
import { LedgerHealthBanner } from './components/LedgerHealthBanner';
import { useQuery } from './hooks/useApi';
import { useHashRoute } from './hooks/useHashRoute';
import i18n, { rememberLanguage } from './i18n';
import { DebtorCard } from './screens/DebtorCard';
import { Debtors } from './screens/Debtors';
import { FeeRuns } from './screens/FeeRuns';
import { FirstRun } from './screens/FirstRun';
import { MemberImport } from './screens/MemberImport';
import { Backups } from './screens/Backups';
import { CallList } from './screens/CallList';
import { Collection } from './screens/Collection';
import { Refunds } from './screens/Refunds';
import { OpenItems } from './screens/OpenItems';
import { Overview } from './screens/Overview';
import { Settings } from './screens/Settings';
import { Statements } from './screens/Statements';
import { Dunning } from './screens/Dunning';

export function App() {
  const status = useQuery('ledger.status', {});
  const ledgerLanguage = status.data?.initialized ? status.data.language : undefined;

  // The ledger's language wins over the browser's memory when a ledger is opened; switching later
  // saves to the ledger, so this runs again only when another language comes from there.
  useEffect(() => {
    if (ledgerLanguage && ledgerLanguage !== i18n.language) rememberLanguage(ledgerLanguage);
  }, [ledgerLanguage]);

  if (status.error) return <LoadError error={status.error} retry={status.reload} />;
  if (!status.data) return <Loading />;
  if (!status.data.initialized) {
    return (
      <FirstRun
        file={status.data.file}
        onDone={() => {
          window.location.hash = '#/overzicht';
          status.reload();
        }}
      />
    );
  }
  return <Shell organisationName={status.data.organisationName ?? ''} onChanged={status.reload} />;
}

function Shell({ organisationName, onChanged }: { organisationName: string; onChanged: () => void }) {
  const [section = 'overzicht', detail] = useHashRoute();
  return (
    <AppFrame section={section} organisationName={organisationName}>
      <LedgerHealthBanner key={section} />
      {renderSection(section, detail, onChanged)}
    </AppFrame>
  );
}

function renderSection(section: string, detail: string | undefined, onChanged: () => void) {
  switch (section) {
    case 'debiteuren':
      if (detail === 'inlezen') return <MemberImport />;
      return detail ? <DebtorCard id={Number(detail)} key={detail} /> : <Debtors />;
    case 'facturen':
      return <FeeRuns runId={detail ? Number(detail) : undefined} key={detail ?? 'list'} />;
    case 'openstaande-posten':
      return <OpenItems initialStatus={detail} key={detail ?? 'open'} />;
    case 'incasso':
      return <Collection />;
    case 'bankafschriften':
      return <Statements detail={detail} key={detail ?? 'list'} />;
    case 'aanmaningen':
      return <Dunning />;
    case 'belrondje':
      return <CallList />;
    case 'terugbetalingen':
      return <Refunds />;
    case 'reservekopieen':
      return <Backups />;
    case 'instellingen':
      return <Settings tab={detail} onChanged={onChanged} />;
    default:
      return <Overview />;
  }
}
