/** Setting values as the user may have typed them in settings.json: anything at all. */

/** A finite number not below `min`, or `fallback` (a string or NaN must not switch a limit off). */
export function numberSetting(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}
