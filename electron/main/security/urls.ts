import { fileUnder } from '../../common/app-files.ts';

/** The renderer is served from app://desk/; nothing else is ever loaded into the window. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isInternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * A frame may also show a blob the app made itself (the print preview's PDF: blob:app://desk/<uuid>); a blob of any
 * other origin, and every other address, is refused. Top-level navigation stays with isInternalUrl.
 */
export function isAllowedFrameUrl(raw: string): boolean {
  if (isInternalUrl(raw)) return true;
  try {
    const u = new URL(raw);
    return u.protocol === 'blob:' && isInternalUrl(u.pathname) && new URL(u.pathname).pathname.length > 1;
  } catch {
    return false;
  }
}

/** Links may open in the system browser only when they are plain web addresses. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Maps app://desk/<path> to a file under the renderer folder; null for other schemes and hosts and
 * for anything outside the folder.
 */
export function resolveAppFile(root: string, raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST ? fileUnder(root, u.pathname) : null;
}
