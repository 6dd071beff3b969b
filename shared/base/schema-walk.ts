import { z } from 'zod';

/**
 * Every schema inside `schema`, each once: an object's fields, a list's items, a record's values, what optional,
 * default and pipe wrap, a union's options. Used to read limits the schemas set (how much a request body, a draft may
 * hold) rather than write them down a second time.
 */
export function eachSchema(schema: z.ZodType, visit: (s: z.ZodType) => void): void {
  const seen = new Set<z.ZodType>();
  const stack: (z.ZodType | undefined)[] = [schema];
  while (stack.length) {
    const s = stack.pop();
    if (!s || seen.has(s)) continue;
    seen.add(s);
    visit(s);
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (s instanceof z.ZodObject) stack.push(...(Object.values(s.shape) as z.ZodType[]));
    for (const k of ['element', 'valueType', 'innerType', 'in', 'out', 'left', 'right'])
      stack.push(def[k] as z.ZodType | undefined);
    stack.push(...((def.options as z.ZodType[] | undefined) ?? []));
  }
}
