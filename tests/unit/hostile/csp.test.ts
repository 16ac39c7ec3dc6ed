import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, SECURITY_HEADERS } from '../../../src/csp';
import config from '../../../vite.config';

/** The Content-Security-Policy is sent as an HTTP header where the app is served (issue 12 §6). */
describe('Content-Security-Policy', () => {
  it('as a header: frame-ancestors none and workers from the same origin or blob: only', () => {
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).toContain("worker-src 'self' blob:");
    expect(CSP_HEADER).toContain("default-src 'self'");
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
    // A meta tag cannot carry frame-ancestors (browsers ignore it there and warn).
    expect(CSP_META).not.toContain('frame-ancestors');
  });

  it('vite preview sends it', () => {
    const headers = (config as { preview?: { headers?: Record<string, string> } }).preview?.headers;
    expect(headers).toEqual(SECURITY_HEADERS);
  });

  it('public/_headers (Netlify, Cloudflare Pages) says the same for every path', () => {
    const text = readFileSync(join(process.cwd(), 'public/_headers'), 'utf8');
    const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines[0]).toBe('/*');
    const headers = Object.fromEntries(lines.slice(1).map((l) => l.trim().split(/:\s(.*)/s).slice(0, 2)));
    expect(headers).toEqual(SECURITY_HEADERS);
  });
});
