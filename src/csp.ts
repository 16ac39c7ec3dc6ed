/**
 * The Content-Security-Policy: data never leaves the browser, so nothing may connect to, load
 * from or run code from another origin. Used at build time only (vite.config.ts) and checked
 * against public/_headers by a unit test.
 *
 * The build puts the policy in a meta tag (works from any folder or file host) and the servers
 * send it as an HTTP header (vite preview; public/_headers for Netlify, Cloudflare Pages and the
 * like). Only the header covers the workers fetched from the same origin everywhere, and only a
 * header can forbid framing: `frame-ancestors` is ignored in a meta tag, so it is added there only.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
] as const;

/** The policy for the meta tag. */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** The policy as an HTTP header: the meta tag's plus what only a header can say. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'", "form-action 'none'"].join('; ');

/** Every header the app is served with (vite preview, public/_headers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
