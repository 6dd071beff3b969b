import path from 'node:path';

/**
 * What both hosts serve the built renderer with: the web host (electron/host) and Electron's app://
 * protocol (electron/main). Neither host imports the other; both import this.
 */

/** One Content-Security-Policy for both hosts (web host headers, Electron's app:// protocol). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The file under the built renderer a URL path names, for both hosts; null for anything outside the
 * folder (../ tricks, encoded separators, NUL). The root path is the app shell.
 */
export function fileUnder(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}
