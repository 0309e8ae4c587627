import type { PortalId } from "../../core/ids.ts";

export interface Owner {
  portal: PortalId;
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  userId: string | null;
  teams: unknown;
  archived: boolean;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: unknown;
  archived: boolean;
}

export interface Pipeline {
  portal: PortalId;
  objectType: string;
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  stages: PipelineStage[];
}

export interface HubSpotList {
  portal: PortalId;
  id: string;
  name: string;
  objectTypeId: string;
  processingType: string;
  size: number | null;
  deletedAt: string | null;
}
