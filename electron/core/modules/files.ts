import type { FileDownload } from '../../../shared/api/contract.ts';
import { AppError } from '../../../shared/base/errors.ts';
import type { CoreState } from '../context.ts';
import { mimeTypeOf } from '../files.ts';

/** A file handed to the user (a PDF, a workbook, a package): its type follows its name. */
export function download(fileName: string, data: Buffer): FileDownload {
  return { fileName, mimeType: mimeTypeOf(fileName), dataBase64: data.toString('base64') };
}

/** The demo county exists to look around in; nothing from it may leave as if it were real data. */
export function refuseInDemo(core: CoreState): void {
  if (core.workspace === 'demo') throw new AppError('DEMO_EXPORT_REFUSED');
}
