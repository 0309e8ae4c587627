import type { Client } from "@hubspot/api-client";
import { ObjectTypePropertyCreateTypeEnum, type ObjectSchema } from "@hubspot/api-client/lib/codegen/crm/schemas/index.js";

/**
 * Creates the custom object the suite uses ("machine": a unique `serial`, a number `weight`,
 * associated with contacts) through `crm.schemas.coreApi.create`, as a user would.
 */
export function createMachineSchema(client: Client): Promise<ObjectSchema> {
  return client.crm.schemas.coreApi.create({
    name: "machine",
    labels: { singular: "Machine", plural: "Machines" },
    primaryDisplayProperty: "serial",
    requiredProperties: ["serial"],
    searchableProperties: ["serial"],
    properties: [
      { name: "serial", label: "Serial", type: ObjectTypePropertyCreateTypeEnum.String, fieldType: "text", hasUniqueValue: true },
      { name: "weight", label: "Weight", type: ObjectTypePropertyCreateTypeEnum.Number, fieldType: "number" },
    ],
    associatedObjects: ["CONTACT"],
  });
}
