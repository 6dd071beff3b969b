import { z } from 'zod';
import { channel } from './channel.ts';
import { none } from './fragments.ts';

export interface AppInfo {
  version: string;
  workspace: 'real' | 'demo';
  needsSetup: boolean;
  unitName: string | null;
  /** uncoveredYears: this year and next, where the holiday schedule is missing (deadlines there are 待核实). */
  calendar: { coveredYears: number[]; uncoveredYears: number[] };
  /** The core's clock (ISO): the screens take "now" from it, so a pinned clock pins them too. */
  now: string;
  /** A demo county still being made (its case files come in the background): how far it has got. */
  demoMaking: { done: number; total: number } | null;
}

export const appChannels = {
  'app:info': channel<AppInfo>()({ input: none, access: 'public' }),
  /** Stops a running job (an export) at its next checkpoint; false when it is no longer running. */
  'app:cancel-job': channel<{ cancelled: boolean }>()({
    input: z.object({ job: z.string().min(1).max(100) }),
    access: 'signed-in',
  }),
} as const;
