import { z } from 'zod';
import { id, isoDate } from '../../entities/common.ts';
import { absenceInput, type Officer, type OfficerAbsence, officerInput } from '../../entities/officer.ts';
import { reason } from './fragments.ts';
import { channel } from './channel.ts';

/** 执法人员: the roster. */
export const officerChannels = {
  'officers:list': channel<Officer[]>()({
    input: z.object({ includeOffDuty: z.boolean().default(true) }).default({ includeOffDuty: true }),
    access: 'roster.read',
  }),
  'officers:create': channel<Officer>()({ input: officerInput, access: 'roster.write' }),
  'officers:update': channel<Officer>()({ input: z.object({ id, officer: officerInput }), access: 'roster.write' }),
  /** Leave, secondment and training: one officer's, or everyone's overlapping a stretch of days; withdrawn ones too. */
  'officers:absences': channel<OfficerAbsence[]>()({
    input: z.object({ officerId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).default({}),
    access: 'roster.read',
  }),
  'officers:add-absence': channel<OfficerAbsence>()({ input: absenceInput, access: 'roster.write' }),
  /** Withdrawn with a reason, never deleted: a plan or a draw may have read it. */
  'officers:withdraw-absence': channel<OfficerAbsence>()({ input: z.object({ id, reason }), access: 'roster.write' }),
} as const;
