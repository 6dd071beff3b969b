import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HandlerGroup } from '../../electron/core/context.ts';
import { channel, mergeChannels } from '../../shared/api/channels/channel.ts';
import { none } from '../../shared/api/channels/fragments.ts';
import { CHANNELS, type ChannelName, type OutputOf, type ParsedInputOf } from '../../shared/api/contract.ts';
import type { BackupInfo } from '../../shared/entities/backup.ts';
import type { CaseDetail } from '../../shared/entities/case.ts';

/** The contract is merged from one file of channels per domain (shared/api/channels/). */
const dir = path.resolve(import.meta.dirname, '../../shared/api/channels');

/** Each file's channel tables: its exported objects whose keys are channel names. */
async function channelFiles(): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const exports: Record<string, unknown> = await import(path.join(dir, file));
    const names = Object.values(exports)
      .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
      .flatMap((v) => Object.keys(v).filter((k) => /^[a-z]+:[a-z-]+$/.test(k)));
    if (names.length) files.set(file, names);
  }
  return files;
}

describe('the channel files', () => {
  it('define each channel once, and the contract holds every one of them', async () => {
    const files = await channelFiles();
    const where = new Map<string, string[]>();
    for (const [file, names] of files) for (const name of names) where.set(name, [...(where.get(name) ?? []), file]);
    expect([...where].filter(([, inFiles]) => inFiles.length > 1)).toEqual([]);
    expect([...where.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('group channels by their domain: a domain lives in one file', async () => {
    const files = await channelFiles();
    const fileOf = new Map<string, string>();
    for (const [file, names] of files)
      for (const domain of new Set(names.map((n) => n.split(':')[0]))) {
        expect(fileOf.get(domain) ?? file, domain).toBe(file);
        fileOf.set(domain, file);
      }
  });

  it('refuses a channel name two groups define, in the typecheck and at run time', () => {
    const first = { 'x:y': channel<number>()({ input: none, access: 'public' }) };
    const second = { 'x:y': channel<string>()({ input: none, access: 'public' }) };
    expect(() =>
      // @ts-expect-error -- 'x:y' is defined by both groups: the type names it.
      mergeChannels({ first, second }),
    ).toThrow(/x:y/);
    expect(Object.keys(mergeChannels({ first }))).toEqual(['x:y']);
  });
});

describe('the merged table', () => {
  it('keeps each channel its own types', () => {
    expectTypeOf<OutputOf<'cases:get'>>().toEqualTypeOf<CaseDetail>();
    expectTypeOf<OutputOf<'backups:list'>>().toEqualTypeOf<BackupInfo[]>();
    expectTypeOf<ParsedInputOf<'enterprises:withdraw'>>().toEqualTypeOf<{
      id: number;
      version: number;
      reason: string;
    }>();
    expectTypeOf<ParsedInputOf<'audit:list'>>().toEqualTypeOf<{
      page: number;
      pageSize: number;
      from?: string;
      to?: string;
      section?: string;
      user?: string;
    }>();
    expectTypeOf<'app:info'>().toExtend<ChannelName>();
    expectTypeOf<'app:nothing'>().not.toExtend<ChannelName>();
  });

  it('still makes a handler group name every channel of its domain', () => {
    const complete: HandlerGroup<'backups'> = {
      'backups:list': async () => [],
      'backups:create': async () => ({}) as BackupInfo,
      'backups:restore': async () => ({ restored: '', safetyBackup: '' }),
      'backups:export-data': async () => ({ fileName: '', mimeType: '', dataBase64: '' }),
    };
    // @ts-expect-error -- 'backups:export-data' has no handler.
    const missing: HandlerGroup<'backups'> = {
      'backups:list': async () => [],
      'backups:create': async () => ({}) as BackupInfo,
      'backups:restore': async () => ({ restored: '', safetyBackup: '' }),
    };
    expect(Object.keys(complete)).toHaveLength(Object.keys(missing).length + 1);
  });
});
