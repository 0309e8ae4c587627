/** An owner as HubSpot's owners API returns it. */
export interface OwnerInput {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  userId?: string | number | null;
  teams?: readonly unknown[];
  createdAt?: string | null;
  updatedAt?: string | null;
  archived?: boolean;
}

export interface PipelineStageInput {
  id: string;
  label: string;
  displayOrder: number;
  /** HubSpot's stage metadata (probability, isClosed, ticketState…), strings as HubSpot sends them. */
  metadata?: Readonly<Record<string, unknown>>;
  archived?: boolean;
}

export interface PipelineInput {
  id: string;
  label: string;
  displayOrder: number;
  archived?: boolean;
  createdAt?: string | null;
  updatedAt?: string | null;
  stages: readonly PipelineStageInput[];
}

export interface ListInput {
  id: string;
  name: string;
  objectTypeId: string;
  /** MANUAL | DYNAMIC | SNAPSHOT */
  processingType: string;
  size?: number | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  deletedAt?: string | null;
}
