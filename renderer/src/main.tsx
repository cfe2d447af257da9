// Base styles first: room and shell CSS, imported by their components, must come after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentRpcUrl, rpcUrlFor, secretIn } from './api/webHostSession';
import { createWebSocketApi } from './api/webSocketApi';
import { App } from './components/App';
import { initI18n } from './i18n/i18n';
import { followEngineChanges, followLink, reloadAll } from './store/engineEvents';
import { useStore } from './store/store';
import { applyTheme } from './store/uiSlice';

async function start(): Promise<void> {
  const state = useStore.getState();
  applyTheme(state.theme);
  await initI18n(state.language);

  // In Electron the preload has set window.vangnet (and main notifies natively); in a browser we
  // talk to the dev web host, and SLA alerts become in-page banners.
  const inWebHost = !window.vangnet;
  state.setConnection('connecting');
  const api =
    window.vangnet ??
    createWebSocketApi({
      url: (retry) => (retry ? currentRpcUrl(window.location) : Promise.resolve(rpcUrlFor(window.location, secretIn(document)))),
    });
  // The preload's window.vangnet is read-only (contextBridge): set it only for the web host.
  if (inWebHost) window.vangnet = api;
  followLink(api);
  if (inWebHost) api.on('sla.alert', (alert) => useStore.getState().showSlaAlert(alert));
  // A prepaid threshold is shown in the window in both shells (Electron has no native one for it yet).
  api.on('budget.alert', (alert) => useStore.getState().showBudgetAlert(alert));

  followEngineChanges();
  reloadAll();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
