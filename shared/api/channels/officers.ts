import { z } from 'zod';
import { id } from '../../entities/common.ts';
import { type Officer, officerInput } from '../../entities/officer.ts';
import { channel } from './channel.ts';

/** 执法人员: the roster. */
export const officerChannels = {
  'officers:list': channel<Officer[]>()({
    input: z.object({ includeOffDuty: z.boolean().default(true) }).default({ includeOffDuty: true }),
    access: 'roster.read',
  }),
  'officers:create': channel<Officer>()({ input: officerInput, access: 'roster.write' }),
  'officers:update': channel<Officer>()({ input: z.object({ id, officer: officerInput }), access: 'roster.write' }),
} as const;
