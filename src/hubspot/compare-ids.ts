/** Orders HubSpot ids (strings of digits) numerically without arithmetic: shorter is smaller, then text order. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
