import { ApiError } from "../http/api-error.ts";
import type { Tier } from "../options.ts";
import { AssociationStore } from "./association-store.ts";
import type { EmulatorState } from "./emulator-state.ts";
import { ListStore } from "./list-store.ts";
import { ObjectStore } from "./object-store.ts";
import type { ObjectType } from "./object-type.ts";
import { OwnerStore } from "./owner-store.ts";
import { PipelineStore } from "./pipeline-store.ts";
import { PropertyRegistry } from "./property-registry.ts";
import type { RecordChange, RecordChangeListener } from "./record-change.ts";
import { SchemaStore } from "./schema-store.ts";
import { TypeRegistry } from "./type-registry.ts";

/** One HubSpot account (hub): its records, definitions and settings, isolated from every other. */
export class Portal {
  readonly id: number;
  tier: Tier;
  readonly state: EmulatorState;
  readonly types = new TypeRegistry();
  readonly #stores = new Map<string, ObjectStore>();
  readonly #properties = new Map<string, PropertyRegistry>();
  /** Told of every record change, after it happened: search index, associations, webhooks. */
  readonly changeListeners: RecordChangeListener[] = [];
  readonly associations: AssociationStore;
  readonly owners: OwnerStore;
  readonly pipelines: PipelineStore;
  readonly lists: ListStore;
  readonly schemas: SchemaStore;
  #lastId: number;

  constructor(state: EmulatorState, id: number, tier: Tier) {
    this.state = state;
    this.id = id;
    this.tier = tier;
    // Ids start high enough to look like HubSpot's and never collide across types.
    this.#lastId = 1000;
    this.associations = new AssociationStore(this);
    this.owners = new OwnerStore(this);
    this.pipelines = new PipelineStore(this);
    this.lists = new ListStore(this);
    this.schemas = new SchemaStore(this);
  }

  nextId(): string {
    this.#lastId += 1;
    return String(this.#lastId);
  }

  /** The type a path segment names; HubSpot answers an unknown one with this 400. */
  resolveType(name: string): ObjectType {
    const type = this.types.resolve(name);
    if (type === undefined) throw new ApiError(400, "VALIDATION_ERROR", `Unable to infer object type from: ${name}`);
    return type;
  }

  properties(type: ObjectType): PropertyRegistry {
    let registry = this.#properties.get(type.objectTypeId);
    if (registry === undefined) {
      registry = new PropertyRegistry(type, this.state.clock.iso());
      this.#properties.set(type.objectTypeId, registry);
    }
    return registry;
  }

  store(type: ObjectType): ObjectStore {
    let store = this.#stores.get(type.objectTypeId);
    if (store === undefined) {
      const unique = this.properties(type).uniqueNames();
      if (type.name === "contacts") unique.push("email");
      const retentionMs = this.state.options.limits.archivedRetentionMs;
      store = new ObjectStore(type, () => this.nextId(), (typeId, change) => this.#announce(typeId, change), unique, retentionMs);
      this.#stores.set(type.objectTypeId, store);
    }
    return store;
  }

  /** Forgets a type's records and definitions (a deleted custom-object schema). */
  dropType(type: ObjectType): void {
    this.#stores.delete(type.objectTypeId);
    this.#properties.delete(type.objectTypeId);
    this.types.remove(type);
  }

  #announce(typeId: string, change: RecordChange): void {
    for (const listener of this.changeListeners) listener(typeId, change);
  }
}
