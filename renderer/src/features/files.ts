import type { FileDownload } from '../../../shared/api/contract.ts';

/** Files go to the core as base64 in both hosts; a county ledger workbook is a few megabytes. */
export async function readAsUpload(file: File): Promise<{ fileName: string; dataBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, dataBase64: btoa(binary) };
}

export function toBlob(file: FileDownload): Blob {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

export function saveDownload(file: FileDownload): void {
  const url = URL.createObjectURL(toBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A knowledge file (an order, a standard) saved as the JSON an admin edits and imports again. */
export function saveJson(fileName: string, value: unknown): void {
  const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  saveDownload({ fileName, mimeType: 'application/json', dataBase64: btoa(binary) });
}

/** The JSON a chosen file holds, or undefined when it is not JSON at all (the caller says so). */
export async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    return undefined;
  }
}
