/** Today's date ('YYYY-MM-DD', UTC) by the application's clock: what rules and forms take as "today". */
export function todayIso(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}
