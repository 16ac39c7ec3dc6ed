import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from './i18n';
import { createBrowserSession } from './session/browser';
import { openLastOrBuiltin } from './session/builtin';
import { SessionProvider } from './session/react';
import { App } from './ui/App';
import './ui/styles.css';

const i18n = setupI18n();
// The page's language follows the UI language (screen readers, hyphenation).
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// The session lives outside React: StrictMode's double mount cannot stop its workers.
const session = createBrowserSession();
// The analysis worker loads its code while the data is fetched.
session.startAnalysisWorker();
void openLastOrBuiltin(session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SessionProvider store={session}>
        <App />
      </SessionProvider>
    </I18nextProvider>
  </StrictMode>,
);
