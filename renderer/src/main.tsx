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
import { followEngineChanges, reloadAll } from './store/engineEvents';
import { useStore } from './store/store';
import { applyTheme } from './store/uiSlice';

async function start(): Promise<void> {
  const state = useStore.getState();
  applyTheme(state.theme);
  await initI18n(state.language);

  // In Electron the preload has set window.vangnet; in a browser we talk to the dev web host.
  if (!window.vangnet) {
    let lostConnection = false;
    state.setConnection('connecting');
    window.vangnet = createWebSocketApi({
      url: (retry) => (retry ? currentRpcUrl(window.location) : Promise.resolve(rpcUrlFor(window.location, secretIn(document)))),
      onStateChange(connection) {
        useStore.getState().setConnection(connection);
        if (connection === 'reconnecting') lostConnection = true;
        // Events sent while we were away are lost: read everything again.
        if (connection === 'connected' && lostConnection) reloadAll();
      },
    });
  }

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
