import { hubSpotId, type HubSpotId } from "../../core/ids.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import type { ResolvedType } from "../inbound/type-catalog.ts";
import type { AssociationPlan } from "./outbound-target.ts";

/** The properties that place a deal or ticket in its pipeline. */
const stageProperties: Readonly<Record<string, { stage: string; pipeline: string }>> = {
  deals: { stage: "dealstage", pipeline: "pipeline" },
  tickets: { stage: "hs_pipeline_stage", pipeline: "hs_pipeline" },
};

/**
 * A derived association's targets: the records of its type associated with the records the
 * association it goes through resolved to (a recipient contact's deals), read in batches
 * (1,000 ids a call); with `only: open`, deals and tickets whose stage HubSpot's pipelines mark
 * `isClosed` are left out (stages and pipelines read once per run).
 */
export class DerivedTargets {
  readonly #client: HubSpotClient;
  readonly #signal: AbortSignal | undefined;
  readonly #closed = new Map<string, Promise<{ byPipeline: Set<string>; byStage: Set<string> }>>();

  constructor(client: HubSpotClient, signal: AbortSignal | undefined) {
    this.#client = client;
    this.#signal = signal;
  }

  /** Through-record id → the target ids it leads to. */
  async derive(plan: AssociationPlan, through: ResolvedType, throughIds: readonly HubSpotId[]): Promise<Map<HubSpotId, HubSpotId[]>> {
    const read = this.#signal === undefined ? {} : { signal: this.#signal };
    const leads = new Map<HubSpotId, HubSpotId[]>();
    const unique = [...new Set(throughIds)];
    if (unique.length === 0) return leads;
    const all = new Set<HubSpotId>();
    for await (const page of this.#client.readAssociations(through.apiType, plan.toType.apiType, unique, read)) {
      for (const row of page.results) {
        const list = leads.get(row.fromId) ?? [];
        if (!list.includes(row.toId)) list.push(row.toId);
        leads.set(row.fromId, list);
        all.add(row.toId);
      }
    }
    if (plan.derived?.only !== "open" || all.size === 0) return leads;
    const open = await this.#openOf(plan.toType.apiType, [...all]);
    for (const [from, targets] of leads) leads.set(from, targets.filter((id) => open.has(id)));
    return leads;
  }

  async #openOf(type: string, ids: readonly HubSpotId[]): Promise<Set<HubSpotId>> {
    const properties = stageProperties[type];
    if (properties === undefined) return new Set(ids);
    const read = this.#signal === undefined ? {} : { signal: this.#signal };
    let closed = this.#closed.get(type);
    if (closed === undefined) {
      closed = this.#client.pipelines(type === "tickets" ? "tickets" : "deals", read).then((pipelines) => {
        const byPipeline = new Set<string>();
        const byStage = new Set<string>();
        for (const pipeline of pipelines) {
          for (const stage of pipeline.stages) {
            if (stage.metadata["isClosed"] !== "true") continue;
            byPipeline.add(`${pipeline.id}\u0000${stage.id}`);
            byStage.add(stage.id);
          }
        }
        return { byPipeline, byStage };
      });
      this.#closed.set(type, closed);
    }
    const { byPipeline, byStage } = await closed;
    const open = new Set<HubSpotId>();
    for await (const page of this.#client.batchRead(type, ids, { ...read, properties: [properties.stage, properties.pipeline] })) {
      for (const record of page.results) {
        const stage = record.properties[properties.stage] ?? "";
        const pipeline = record.properties[properties.pipeline];
        const isClosed = pipeline === null || pipeline === undefined ? byStage.has(stage) : byPipeline.has(`${pipeline}\u0000${stage}`);
        if (!isClosed) open.add(hubSpotId(record.id));
      }
    }
    return open;
  }
}
