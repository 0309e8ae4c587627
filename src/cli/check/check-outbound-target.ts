import { isStandardObjectType, recordIdProperty, type OutboundAssociationConfig, type OutboundSyncConfig } from "../../config/index.ts";
import { HubsyncError } from "../../core/hubsync-error.ts";
import type { HubSpotClient } from "../../hubspot/index.ts";
import { checkFieldMap, propertiesByName, type PropertyDefinition } from "../../mapping/index.ts";
import { failedWith, finding, type OutboundFinding } from "./outbound-finding.ts";

/** A property as the checks need it: HubSpot's, or one declared under customObject. */
interface KnownProperty extends PropertyDefinition {
  hasUniqueValue: boolean;
}

/** The target object's properties, or why they cannot be had. */
type Target = { exists: true; properties: KnownProperty[] } | { exists: false; declared: KnownProperty[] } | { exists: false; declared?: undefined };

/**
 * What HubSpot must have for the sync to run: the object (or a declared schema), a match
 * property that identifies one record, the mapped properties (or createMissingProperties),
 * and for each association its target, its `by` property and its label.
 */
export async function checkOutboundTarget(client: HubSpotClient, sync: OutboundSyncConfig, columns: readonly string[] | undefined): Promise<OutboundFinding[]> {
  const findings: OutboundFinding[] = [];
  try {
    const target = await targetOf(client, sync, findings);
    const properties = target.exists ? target.properties : target.declared;
    if (properties !== undefined) {
      findings.push(...checkMatch(sync, properties));
      findings.push(...checkFields(sync, properties, columns, !target.exists));
    }
    for (const association of sync.associations) findings.push(...(await checkAssociation(client, sync, association, target.exists)));
  } catch (error) {
    if (!(error instanceof HubsyncError)) throw error;
    findings.push(failedWith("HubSpot", error));
  }
  return findings;
}

async function targetOf(client: HubSpotClient, sync: OutboundSyncConfig, findings: OutboundFinding[]): Promise<Target> {
  const subject = `object ${sync.objectType}`;
  if (sync.custom && (await client.schema(sync.objectType)) === undefined) {
    if (sync.customObject !== undefined) {
      findings.push(finding("note", subject, `not in the portal yet: \`hubsync schema apply ${sync.name}\` (or the first run) creates it from customObject`));
      return { exists: false, declared: sync.customObject.properties.map((p) => ({ name: p.name, type: p.type, fieldType: p.fieldType, options: p.options, hasUniqueValue: p.hasUniqueValue })) };
    }
    const have = (await client.schemas()).map((schema) => schema.name);
    findings.push(
      finding("fail", subject, "the portal has no custom object by that name", {
        code: "HUBSPOT_NOT_FOUND",
        fix: `Declare its schema under customObject: so hubsync creates it, or correct object: (a custom object is named by its name, p_<name> or its 2-<n> id). ${have.length === 0 ? "The portal has no custom objects." : `The portal's custom objects: ${have.join(", ")}.`}`,
      }),
    );
    return { exists: false };
  }
  const properties = await client.properties(sync.objectType);
  findings.push(finding("ok", subject, `exists, with ${properties.length} properties`));
  return { exists: true, properties };
}

/** Properties that identify one record without `hasUniqueValue`: the record id, and a contact's email. */
function identifies(objectType: string, property: string): boolean {
  return property === recordIdProperty || (objectType === "contacts" && property === "email");
}

function checkMatch(sync: OutboundSyncConfig, properties: readonly KnownProperty[]): OutboundFinding[] {
  const match = sync.match;
  if (match === undefined) return [];
  const subject = `match ${match.property}`;
  if (identifies(sync.objectType, match.property)) return [finding("ok", subject, `identifies one ${sync.objectType} record`)];
  const property = properties.find((p) => p.name === match.property);
  if (property === undefined) {
    return [
      finding("fail", subject, `${sync.objectType} has no property ${match.property}`, {
        code: "HUBSPOT_NOT_FOUND",
        fix: `Create it in HubSpot with unique values ("Require unique values"), or match on a property that exists (e.g. ${sync.objectType === "contacts" ? "email" : recordIdProperty}).`,
      }),
    ];
  }
  if (property.hasUniqueValue) return [finding("ok", subject, "has unique values: rows are upserted by it, never duplicated")];
  if (sync.objectType === "contacts") {
    // HubSpot refuses unique values on contact properties: email is their unique key.
    return [
      finding("warn", subject, "does not have unique values: each batch is matched by a search (slow), and two contacts sharing a value make the match ambiguous (unsafe)", {
        fix: `Match contacts on email (HubSpot keeps it unique) or on ${recordIdProperty}: contact properties cannot require unique values.`,
      }),
    ];
  }
  return [
    finding("warn", subject, `does not have unique values: each batch is matched by a search (slow), and two records sharing a value make the match ambiguous (unsafe)`, {
      fix: `Create a unique property on ${sync.objectType} — e.g. external_id, with "Require unique values" — fill it from your key column (fields: { external_id: ${sync.key} }) and match on it: match: { property: external_id, column: ${sync.key} }.`,
    }),
  ];
}

function checkFields(sync: OutboundSyncConfig, properties: readonly KnownProperty[], columns: readonly string[] | undefined, declared: boolean): OutboundFinding[] {
  const byName = new Map<string, PropertyDefinition>(propertiesByName(properties));
  const missing = Object.keys(sync.fields).filter((field) => !byName.has(field));
  const findings: OutboundFinding[] = [];
  if (missing.length > 0) {
    findings.push(
      sync.createMissingProperties
        ? finding("note", "fields", `${missing.join(", ")} will be created as text properties (createMissingProperties)`)
        : finding("fail", "fields", `${sync.objectType} has no propert${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}`, {
            code: "HUBSPOT_NOT_FOUND",
            fix: "Create them in HubSpot (Settings → Properties), correct the names (internal names, not labels), or set createMissingProperties: true.",
          }),
    );
    // Checked above: the rest of the field map is checked as if they existed.
    for (const name of missing) byName.set(name, { name, type: "string", fieldType: "text" });
  }
  for (const issue of checkFieldMap(sync.fields, byName, columns)) {
    findings.push(finding("fail", `field ${issue.field}`, issue.message, { code: "CONFIG_INVALID", fix: "Correct the field map in hubsync.yaml (docs/configuration.md#fields)." }));
  }
  const mapped = Object.keys(sync.fields).length;
  if (findings.length === 0 && mapped > 0) findings.push(finding("ok", "fields", mapped === 1 ? `the mapped property ${declared ? "is declared under customObject" : "exists"}` : `all ${mapped} mapped properties ${declared ? "are declared under customObject" : "exist"}`));
  return findings;
}

async function checkAssociation(client: HubSpotClient, sync: OutboundSyncConfig, association: OutboundAssociationConfig, objectExists: boolean): Promise<OutboundFinding[]> {
  const to = association.toObjectType;
  const subject = `association to ${to} (${association.through === undefined ? association.column : `through ${association.column}`})`;
  const findings: OutboundFinding[] = [];
  const targetIsSelf = to === sync.objectType;
  // A declared object associated with itself does not exist yet either: nothing to look up.
  if (!isStandardObjectType(to) && !(targetIsSelf && !objectExists) && (await client.schema(to)) === undefined) {
    return [finding("fail", subject, `the portal has no object ${to}`, { code: "HUBSPOT_NOT_FOUND", fix: "Correct associations[].to, or create the custom object first." })];
  }
  if (association.by !== recordIdProperty && !(targetIsSelf && !objectExists)) {
    const property = (await client.properties(to)).find((p) => p.name === association.by);
    if (property === undefined) {
      findings.push(finding("fail", subject, `${to} has no property ${association.by} to find targets by`, { code: "HUBSPOT_NOT_FOUND", fix: `Set by: to a unique property of ${to} (or ${recordIdProperty} when the column holds record ids).` }));
    } else if (!property.hasUniqueValue && !identifies(to, association.by)) {
      findings.push(
        finding("warn", subject, `targets are found by ${association.by}, which does not have unique values: a value two ${to} share links the first found`, {
          fix: `Use a unique property of ${to} (e.g. an external_id with "Require unique values"), or record ids.`,
        }),
      );
    }
  }
  if (association.label !== undefined) {
    if (!objectExists) {
      findings.push(finding("note", subject, `label "${association.label}" is checked once ${sync.objectType} exists`));
    } else {
      const labels = await client.associationLabels(sync.objectType, to);
      if (!labels.some((label) => label.label === association.label)) {
        const have = labels.flatMap((label) => (label.label === null ? [] : [`"${label.label}"`]));
        findings.push(
          finding("fail", subject, `HubSpot has no association label "${association.label}" from ${sync.objectType} to ${to}${have.length === 0 ? "" : ` (it has ${have.join(", ")})`}`, {
            code: "HUBSPOT_NOT_FOUND",
            fix: `Create the label first: in HubSpot, Settings → Objects → ${sync.objectType} → Associations → Create association label (${sync.objectType} to ${to}), or POST /crm/v4/associations/${sync.objectType}/${to}/labels; or remove label: to write unlabelled associations.`,
          }),
        );
      }
    }
  }
  if (findings.length === 0) findings.push(finding("ok", subject, association.label === undefined ? "target and lookup are in order" : `target, lookup and label "${association.label}" are in order`));
  return findings;
}
