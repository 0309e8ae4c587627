import { ApiError } from "../http/api-error.ts";
import type { ObjectType } from "../state/object-type.ts";

/** HubSpot's batch error for ids that name no record (`context.ids` lists them). */
export function missingRecordsError(type: ObjectType, ids: string[]): ApiError {
  return new ApiError(404, "OBJECT_NOT_FOUND", `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, {
    context: { ids },
  });
}
