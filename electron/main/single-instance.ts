/**
 * One app per PC session: the second start hands over to the first (its window comes to the front) and stops at once,
 * before it opens any data. app.quit() alone only asks to quit: the rest of start-up ran on and opened the databases
 * beside the running app.
 */
export function holdsTheInstance(app: { requestSingleInstanceLock(): boolean; exit(code?: number): void }): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.exit(0);
  return false;
}
