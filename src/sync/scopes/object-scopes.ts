import { isStandardObjectType } from "../../config/index.ts";

/**
 * The scope stem HubSpot gates an object type by. Engagements (calls, emails, meetings, notes,
 * tasks) have no scopes of their own: HubSpot gates them by the contacts scopes; every custom
 * object shares the `custom` ones.
 */
export function scopeStem(objectType: string): string {
  switch (objectType) {
    case "calls":
    case "emails":
    case "meetings":
    case "notes":
    case "tasks":
      return "contacts";
    default:
      return isStandardObjectType(objectType) ? objectType : "custom";
  }
}

/** Reading records (and their associations from this side). */
export const objectRead = (type: string): string[] => [`crm.objects.${scopeStem(type)}.read`];
/** Creating, updating, archiving records, and associating them. */
export const objectWrite = (type: string): string[] => [`crm.objects.${scopeStem(type)}.write`];
/** Reading the type's property definitions. */
export const schemaRead = (type: string): string[] => [`crm.schemas.${scopeStem(type)}.read`];
/** Creating properties on the type. */
export const schemaWrite = (type: string): string[] => [`crm.schemas.${scopeStem(type)}.write`];
