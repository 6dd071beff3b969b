import { defineConfig } from 'vitest/config';
import { TEST_NOW } from './tests/support/clock.ts';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/core/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real SQLite files and scrypt hashes: two workers on two cores is the sweet spot.
    maxWorkers: 2,
    // The CLI and the other processes tests start pin their clock to the suite's day too (hostClock reads it).
    env: { ENFORCE_CLOCK: TEST_NOW },
  },
});
