/** Orders HubSpot ids (strings of digits) numerically without turning them into numbers. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
