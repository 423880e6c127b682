import { createRoot } from 'react-dom/client';
import { call } from './api/client';

function App() {
  return <div>Penning</div>;
}

void call('ledger.status', {});
createRoot(document.getElementById('root')!).render(<App />);
