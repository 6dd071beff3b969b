import { type Settings, settingsChange } from '../../entities/settings.ts';
import { type UnitProfile, unitProfile } from '../../entities/unit.ts';
import { channel } from './channel.ts';
import { none } from './fragments.ts';

/** 本单位 and 系统设置. */
export const settingsChannels = {
  'unit:get': channel<UnitProfile | null>()({ input: none, access: 'signed-in' }),
  'unit:update': channel<UnitProfile>()({ input: unitProfile, access: 'unit.manage' }),

  'settings:get': channel<Settings>()({ input: none, access: 'signed-in' }),
  'settings:update': channel<Settings>()({ input: settingsChange, access: 'settings.manage' }),
} as const;
