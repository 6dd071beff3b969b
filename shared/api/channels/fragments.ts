import { z } from 'zod';
import { id } from '../../entities/common.ts';
import { fileUpload } from '../../entities/file.ts';
import { bodyBytes } from '../../base/body-limits.ts';

/** What several channel files share: inputs written once, and the common shapes of outputs. */

/** No input: an empty object, or nothing at all. */
export const none = z.object({}).strict().default({});

/** One record, by its id. */
export const byId = z.object({ id });

/**
 * The version of a record the client last read: a change made against an older one is refused
 * (STALE_VERSION), so nobody overwrites what they have not seen.
 */
export const expectedVersion = z.number().int();

/** A record by its id, at the version the client last read. */
export const versioned = z.object({ id, version: expectedVersion });

/** Why a record is withdrawn, or a document voided or corrected: at least two characters. */
export const reason = z.string().trim().min(2, { error: 'validation.reasonRequired' }).max(500);

/** A SHA-256 in hex, as stored files and the audit chain are named. */
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.hash' });

/** A file kept with a record, by the record's id and the file's SHA-256. */
export const storedFile = z.object({ id, hash: sha256 });

/** A file to attach to the record with this id. */
export const attachment = z.object({ id, file: fileUpload });

/** The fields of a page of a list: page 1 of `pageSize` rows unless asked otherwise, at most 200 rows. */
export const paging = (pageSize = 20) => ({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(pageSize),
});

/** Which way a list is sorted: newest first unless asked. */
export const sortOrder = z.enum(['asc', 'desc']).default('desc');

/** The fields of a data file read as text (a knowledge file, a holiday schedule), up to `maxChars` long. */
export const textFile = (maxChars: number) => ({
  fileName: z.string().min(1),
  // As JSON a character may take six bytes (\u0001); Chinese text takes three.
  text: z
    .string()
    .min(2)
    .max(maxChars)
    .register(bodyBytes, { bytes: 6 * maxChars }),
});

/** A page of a list, and how many rows match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Done, nothing more to say. */
export interface Ok {
  ok: true;
}

export interface FileDownload {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}
