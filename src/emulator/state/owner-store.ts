import type { Owner, OwnerInput } from "../crm-metadata/owner.ts";
import type { Portal } from "./portal.ts";

// Owner and user ids are separate number spaces in HubSpot; keep them apart so a client that
// confuses `id` with `userId` fails here as it would there.
const FIRST_OWNER_ID = 72_100_000;
const FIRST_USER_ID = 8_260_000;

/** The person every portal starts with: the user who installed the app. */
const installingUser: OwnerInput = {
  email: "maya.lindqvist@northwind-traders.example",
  firstName: "Maya",
  lastName: "Lindqvist",
  teams: [{ id: "3204811", name: "Sales", primary: true }],
};

/** The portal's owners (users and queues records can be assigned to), in creation order. */
export class OwnerStore {
  readonly portal: Portal;
  readonly #owners: Owner[] = [];
  readonly #byId = new Map<string, Owner>();
  #lastOwnerId = FIRST_OWNER_ID;
  #lastUserId = FIRST_USER_ID;

  constructor(portal: Portal) {
    this.portal = portal;
    this.create(installingUser);
  }

  create(input: OwnerInput): Owner {
    const at = this.portal.state.clock.now();
    this.#lastOwnerId += 1;
    const userId = input.userId ?? (this.#lastUserId += 1);
    const owner: Owner = {
      id: String(this.#lastOwnerId),
      row: this.#owners.length,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      type: input.type ?? "PERSON",
      userId,
      teams: (input.teams ?? []).map((team) => ({ ...team })),
      createdAt: at,
      updatedAt: at,
      archived: input.archived ?? false,
    };
    this.#owners.push(owner);
    this.#byId.set(owner.id, owner);
    return owner;
  }

  /** An active owner by id: what `hubspot_owner_id` values are validated against. */
  get(id: string): Owner | undefined {
    return this.find(id, false);
  }

  /** An owner by id that is archived (deactivated) or not, as `archived` asks. */
  find(id: string, archived: boolean): Owner | undefined {
    const owner = this.#byId.get(id);
    return owner?.archived === archived ? owner : undefined;
  }

  findByUserId(userId: number, archived: boolean): Owner | undefined {
    return this.#owners.find((owner) => owner.userId === userId && owner.archived === archived);
  }

  /** Active owners in creation order, or only the archived ones. */
  list(archived = false): Owner[] {
    return this.#owners.filter((owner) => owner.archived === archived);
  }

  /** Deactivates an owner (a user removed from the portal); false when there is none. */
  archive(id: string): boolean {
    const owner = this.#byId.get(id);
    if (owner === undefined || owner.archived) return false;
    owner.archived = true;
    owner.updatedAt = this.portal.state.clock.now();
    return true;
  }
}
