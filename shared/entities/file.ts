import { z } from 'zod';
import { bodyBytes } from '../base/body-limits.ts';

const MAX_BASE64 = 400 * 1024 * 1024;

/** Files cross the bridge as base64 so both hosts and the CLI share one path; the limit keeps a slip harmless. */
export const fileUpload = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(MAX_BASE64, { error: 'validation.fileTooLarge' })
    .register(bodyBytes, { bytes: MAX_BASE64 }),
});
