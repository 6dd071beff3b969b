import { describe, expect, it } from 'vitest';
import { makeApi } from '../../shared/api/client.ts';
import { CHANNELS, contract } from '../../shared/api/contract.ts';
import { AppError, issuesFromZod } from '../../shared/base/errors.ts';

describe('the contract', () => {
  it('names every channel domain:action in kebab case', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('builds the typed api from the channel list and nothing else', async () => {
    const calls: string[] = [];
    const api = makeApi(async (channel, input) => {
      calls.push(channel);
      return { ok: true, data: input };
    });
    expect(await api.enterprises.importPreview({ file: { fileName: 'a.xlsx', dataBase64: '' } })).toEqual({
      file: { fileName: 'a.xlsx', dataBase64: '' },
    });
    expect(calls).toEqual(['enterprises:import-preview']);
    expect(Object.keys(api).sort()).toEqual([...new Set(CHANNELS.map((c) => c.split(':')[0]))].sort());
  });

  it('turns a failed result into an AppError with its code', async () => {
    const api = makeApi(async () => ({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' } }));
    await expect(api.users.list()).rejects.toBeInstanceOf(AppError);
    await expect(api.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' });
  });

  it('names the limit of a text too long (issue 18)', () => {
    const r = contract['enterprises:create'].input.safeParse({ uscc: '91350100M000100Y4X', name: '企'.repeat(101) });
    expect(issuesFromZod(r.error!).find((i) => i.path[0] === 'name')).toEqual({
      path: ['name'],
      key: 'validation.tooLongMax',
      params: { max: 100 },
    });
  });

  it('validates inputs with translation keys for messages', () => {
    const r = contract['enterprises:create'].input.safeParse({ uscc: '91350100M000100Y42', name: '' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).sort();
    expect(messages).toEqual(['validation.required', 'validation.uscc.checkChar']);
    expect(contract['enterprises:search'].input.parse(undefined)).toMatchObject({
      query: '',
      page: 1,
      status: 'active',
    });
  });
});
