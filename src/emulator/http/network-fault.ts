/**
 * Faults below HTTP (a reset connection, a response that never comes) cannot be expressed as
 * a Response. The fault middleware marks its response with this header; the in-process fetch
 * and the node server each turn the mark into the real thing for their transport.
 */
export const networkFaultHeader = "x-emulator-network-fault";

export type NetworkFault = "reset" | "timeout";

export function markNetworkFault(fault: NetworkFault): Response {
  return new Response(null, { status: 599, headers: { [networkFaultHeader]: fault } });
}

export function networkFaultOf(response: Response): NetworkFault | undefined {
  const value = response.headers.get(networkFaultHeader);
  return value === "reset" || value === "timeout" ? value : undefined;
}

/** The error Node's fetch raises when a peer resets the connection. */
export function connectionResetError(): TypeError {
  const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
  return new TypeError("fetch failed", { cause });
}
