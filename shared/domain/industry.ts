/** GB/T 4754 lookups against the knowledge file (resources/knowledge/industry-codes.json). */
export interface IndustryCatalogue {
  standard: string;
  sections: {
    code: string;
    name: string;
    divisions: { code: string; name: string; classes: { code: string; name: string }[] }[];
  }[];
}

export type IndustryLookup =
  | { status: 'known'; name: string; divisionName: string }
  | { status: 'unlisted'; divisionName: string }
  | { status: 'unknown' };

export function indexIndustries(cat: IndustryCatalogue): Map<string, { name: string; division: string }> {
  const map = new Map<string, { name: string; division: string }>();
  for (const s of cat.sections) {
    for (const d of s.divisions) {
      map.set(d.code, { name: d.name, division: d.code });
      for (const c of d.classes) map.set(c.code, { name: c.name, division: d.code });
    }
  }
  return map;
}

/**
 * 大类 are all known, so a code under no 大类 is wrong. The file lists only the 小类 this line of
 * work meets often; another 小类 under a real 大类 is "unlisted" (待核实), not an error.
 */
export function lookupIndustry(index: Map<string, { name: string; division: string }>, code: string): IndustryLookup {
  const division = index.get(code.slice(0, 2));
  if (!/^\d{2,4}$/.test(code) || !division || division.division !== code.slice(0, 2)) return { status: 'unknown' };
  const entry = index.get(code);
  if (entry) return { status: 'known', name: entry.name, divisionName: division.name };
  return { status: 'unlisted', divisionName: division.name };
}
