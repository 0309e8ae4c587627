/** A team an owner belongs to; one of an owner's teams is primary. */
export interface OwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

/** A HubSpot owner: a user (PERSON) or a queue that records can be assigned to. */
export interface Owner {
  id: string;
  /** Position in creation order: list order and what the `after` cursor wraps. */
  readonly row: number;
  email: string;
  firstName: string;
  lastName: string;
  type: "PERSON" | "QUEUE";
  /** The HubSpot user behind the owner; deactivated users keep only `userIdIncludingInactive`. */
  userId: number;
  teams: OwnerTeam[];
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** What `OwnerStore.create` needs; ids and timestamps are the store's to assign. */
export interface OwnerInput {
  email: string;
  firstName: string;
  lastName: string;
  type?: "PERSON" | "QUEUE";
  userId?: number;
  teams?: OwnerTeam[];
  archived?: boolean;
}

/** An owner as `GET /crm/v3/owners` returns it. */
export interface OwnerView {
  id: string;
  email: string;
  type: "PERSON" | "QUEUE";
  firstName: string;
  lastName: string;
  userId?: number;
  userIdIncludingInactive: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams: OwnerTeam[];
}

export function ownerView(owner: Owner): OwnerView {
  const view: OwnerView = {
    id: owner.id,
    email: owner.email,
    type: owner.type,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userIdIncludingInactive: owner.userId,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
    teams: owner.teams.map((team) => ({ ...team })),
  };
  // A deactivated user's owner loses `userId`; only `userIdIncludingInactive` still names them.
  if (!owner.archived) view.userId = owner.userId;
  return view;
}
