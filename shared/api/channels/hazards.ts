import { z } from 'zod';
import { id } from '../../entities/common.ts';
import {
  type Escalation,
  escalationStatus,
  extensionInput,
  type Hazard,
  hazardInput,
  hazardStatus,
  recheckInput,
} from '../../entities/hazard.ts';
import { channel } from './channel.ts';
import { attachment, expectedVersion, none, type Ok } from './fragments.ts';

/** 隐患: hazards found on inspections, their re-inspections, and the escalations they raise. */
export const hazardChannels = {
  'hazards:list': channel<Hazard[]>()({
    input: z
      .object({ inspectionId: id.optional(), enterpriseId: id.optional(), status: hazardStatus.optional() })
      .default({}),
    access: 'inspections.read',
  }),
  'hazards:create': channel<Hazard>()({ input: hazardInput, access: 'inspections.write' }),
  'hazards:update': channel<Hazard>()({
    input: z.object({ id, version: expectedVersion, hazard: hazardInput }),
    access: 'inspections.write',
  }),
  'hazards:recheck': channel<Hazard>()({ input: recheckInput, access: 'inspections.write' }),
  'hazards:extend': channel<Hazard>()({ input: extensionInput, access: 'inspections.write' }),
  'hazards:attach-photo': channel<Hazard>()({ input: attachment, access: 'inspections.write' }),
  /** The workbench: re-inspections due this week and overdue ones (which also become escalations). */
  'hazards:due': channel<{ dueThisWeek: Hazard[]; overdue: Hazard[]; uncertain: boolean }>()({
    input: none,
    access: 'inspections.read',
  }),
  'escalations:list': channel<Escalation[]>()({
    input: z.object({ status: escalationStatus.optional() }).default({}),
    access: 'inspections.read',
  }),
  'escalations:resolve': channel<Ok>()({
    input: z.object({ id, status: escalationStatus.exclude(['open']) }),
    access: 'inspections.write',
  }),
} as const;
