import { z } from 'zod';
import { eachSchema } from './schema-walk.ts';

/**
 * How big a request body a channel may send, read from its input schema: a little for any call, and room for each
 * file or text file it takes (the schemas that carry one are registered here with the bytes they may need as JSON).
 * The web host refuses a larger body before reading it; the contract's own limits then hold each field.
 */
export const bodyBytes = z.registry<{ bytes: number }>();

/** Any call: a draft of the largest document (shared/documents/limits.ts, 2.5 million characters) in Chinese. */
export const BASE_BODY_BYTES = 8 * 1024 ** 2;

const limits = new Map<z.ZodType, number>();
export function bodyLimit(input: z.ZodType): number {
  let limit = limits.get(input);
  if (limit === undefined) {
    limit = BASE_BODY_BYTES;
    eachSchema(input, (s) => {
      limit! += bodyBytes.get(s)?.bytes ?? 0;
    });
    limits.set(input, limit);
  }
  return limit;
}
