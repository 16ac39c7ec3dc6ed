import { slugify } from '../data/normalise';

/** `bruggen-<dataset-slug>-<what>.<ext>`, every part reduced to lower-case letters, digits and dashes. */
export function exportFileName(datasetSlug: string, what: string, ext: string): string {
  const slug = slugify(datasetSlug) || 'dataset';
  return `bruggen-${slug}-${slugify(what) || 'export'}.${ext.replace(/^\./, '')}`;
}

/** How long the object URL of a download stays alive (the browser copies it on click, but some need a moment). */
export const REVOKE_AFTER_MS = 1000;

/** Saves a blob as a file: an object URL on a temporary `<a download>`, clicked, removed and revoked. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Saves text as a file; text types get `charset=utf-8` (no byte-order mark is added). */
export function downloadText(text: string, filename: string, mime: string): void {
  const type = /^text\/|\+xml$|\/xml$|\/json$/.test(mime) && !/charset=/i.test(mime) ? `${mime};charset=utf-8` : mime;
  downloadBlob(new Blob([text], { type }), filename);
}
