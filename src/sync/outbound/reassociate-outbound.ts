import type { ReassociateOutbound } from "./outbound-contract.ts";
import { executeOutbound } from "./execute-outbound.ts";

/**
 * The re-association job: a run that resolves every row's associations again — orphans
 * first — so records written before their contact existed (or whose contact changed email,
 * or was merged) get linked, and derived associations (a contact's open deals) follow
 * HubSpot. Records are still sent only when their rows changed.
 */
export const reassociateOutbound: ReassociateOutbound = (deps, config, sync, options = {}) => executeOutbound(deps, config, sync, options, { reassociate: true });
