import { expect, it } from 'vitest';
import { call, newCore, setUp, signIn } from '../support/core.ts';
import { inspectionReady } from '../support/documents.ts';
import { fuzzChannels } from '../support/fuzz.ts';

/** Every channel, given what a careless or hostile caller sends, from a fixed seed (`npm run soak` sends 10,000). */
it('answers every channel with data or a coded refusal, whatever comes in, and goes on answering', async () => {
  const core = await newCore();
  try {
    const token = await setUp(core);
    await inspectionReady(core, token);
    const counts = await fuzzChannels(core, {
      seed: 20261207,
      perChannel: 4,
      signIn: () => signIn(core).catch(() => undefined),
    });
    expect(counts.failures).toEqual([]);
    expect(counts.inputs).toBeGreaterThan(500);
    // Mostly refused, as such input should be, but not only: some of it is valid and done.
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused.VALIDATION).toBeGreaterThan(100);
    const after = await signIn(core);
    expect((await call(core, 'audit:verify', {}, after)).ok).toBe(true);
  } finally {
    await core.close();
  }
}, 300_000);
