import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_META, SECURITY_HEADERS } from './src/csp';

/**
 * Data never leaves the browser: the production build forbids every connection, script, style,
 * image or worker from another origin (src/csp.ts). The meta tag is added to the build only (dev
 * mode needs an inline refresh script); `vite preview` also sends the policy as an HTTP header,
 * with frame-ancestors, as public/_headers does on static hosts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'bruggen-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  };
}

// Relative base so the built app works from any folder or static host.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  preview: { headers: { ...SECURITY_HEADERS } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
