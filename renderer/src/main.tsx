// Entry point: find the bridge (desktop preload or HTTP for the browser dashboard), connect the
// store to it, and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge, resolveBridge } from './bridge';
import { AppProvider } from './context';
import { createAppStore } from './store';
import './styles.css';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) return;
  const store = createAppStore();
  const api = await resolveBridge(window);
  let disconnect = connectBridge(api, store);
  const reconnect = () => {
    disconnect();
    disconnect = connectBridge(api, store);
  };
  window.addEventListener('beforeunload', () => disconnect());
  createRoot(rootElement).render(
    <StrictMode>
      <AppProvider store={store} api={api} reconnect={reconnect}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}

void start();
