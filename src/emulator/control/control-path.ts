/** The control plane's own paths: never counted in statistics, never struck by faults. */
export function isControlPath(path: string): boolean {
  return path === "/__emulator" || path.startsWith("/__emulator/");
}
