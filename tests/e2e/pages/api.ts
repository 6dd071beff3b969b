import type { Page } from '@playwright/test';

/** A call through the web host as the signed-in demo user (the session the page holds). */
export async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, i]) => {
      const token = sessionStorage.getItem('desk.token.demo') ?? '';
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workspace': 'demo', 'x-session-token': token },
        body: JSON.stringify({ input: i }),
      });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}
