import { pinnedClock } from '../../electron/core/clock.ts';

/**
 * The day every test runs on, whatever the machine's date: a Wednesday in late November 2026, 14:00
 * China time. Core tests, the web host the screens are driven against and the page's own clock all
 * start here, so the calendar turning never turns the suite red.
 */
export const TEST_NOW = '2026-11-25T14:00:00+08:00';
export const TEST_TODAY = '2026-11-25';

/** A clock that starts at TEST_NOW and runs on (stamps stay in order). */
export const testClock = () => pinnedClock(TEST_NOW);
