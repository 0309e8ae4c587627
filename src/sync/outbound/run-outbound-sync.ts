import type { RunOutboundSync } from "./outbound-contract.ts";
import { executeOutbound } from "./execute-outbound.ts";

/**
 * Runs one outbound sync once (use cases 2 and 3): the declared custom object and missing
 * properties first, then the rows whose content changed — records 100 a call, then their
 * associations 2,000 a call — then the static list and, in mirror mode, the archive of
 * records this sync created whose rows left the source. See docs/outbound.md.
 */
export const runOutboundSync: RunOutboundSync = (deps, config, sync, options = {}) => executeOutbound(deps, config, sync, options, { reassociate: false });
