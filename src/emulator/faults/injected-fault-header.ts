import { isFaultKind, type FaultKind } from "./fault-kind.ts";

/**
 * Marks a response the fault injector produced, so request statistics can count injected
 * faults apart from genuine errors. Statistics remove it before the answer leaves the
 * emulator: HubSpot sends no such header. Also the request header that steers a fault
 * (`X-Emulator-Fault: 503`), as Prism's `Prefer: code=` does.
 */
export const faultHeader = "x-emulator-fault";

export function injectedFaultOf(response: Response): FaultKind | undefined {
  const value = response.headers.get(faultHeader);
  return value !== null && isFaultKind(value) ? value : undefined;
}
