import type { AssociationLabel, AssociationTypeRef, HubSpotClient } from "../../hubspot/index.ts";
import { associationCategories } from "../../hubspot/index.ts";

/**
 * The association labels between the synced object and each type it associates with, read
 * from HubSpot at most once per type and run (`GET /crm/v4/associations/{from}/{to}/labels`).
 */
export class LabelCatalog {
  readonly #client: HubSpotClient;
  readonly #fromType: string;
  readonly #signal: AbortSignal | undefined;
  readonly #labels = new Map<string, Promise<AssociationLabel[]>>();

  constructor(client: HubSpotClient, fromType: string, signal: AbortSignal | undefined) {
    this.#client = client;
    this.#fromType = fromType;
    this.#signal = signal;
  }

  /** Every labelled type from the synced object to `toType`. */
  labels(toType: string): Promise<AssociationLabel[]> {
    let labels = this.#labels.get(toType);
    if (labels === undefined) {
      labels = this.#client.associationLabels(this.#fromType, toType, this.#signal === undefined ? {} : { signal: this.#signal }).then((all) => all.filter((type) => type.label !== null));
      this.#labels.set(toType, labels);
    }
    return labels;
  }

  /** The type a label names from the synced object to `toType`; undefined when HubSpot has no such label. */
  async typeOf(toType: string, label: string): Promise<AssociationTypeRef | undefined> {
    const found = (await this.labels(toType)).find((type) => type.label === label);
    if (found === undefined) return undefined;
    const category = associationCategories.find((c) => c === found.category) ?? "USER_DEFINED";
    return { category, typeId: found.typeId };
  }
}
