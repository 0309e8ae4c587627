import { z } from "zod";
import { objectNamePattern } from "./object-name.ts";

/** A HubSpot property's internal name (never its label). Commas are what break HubSpot's lists. */
export const propertyNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "expected a property's internal name (letters, digits, _), not its label; got {got}");

/** An object type as streams name them: a standard object or a custom object's name, `p_…` name or `2-…` id. */
export const objectNameSchema = z
  .string()
  .regex(objectNamePattern, "expected an object type such as contacts, deals, gift, p_gift or 2-123; got {got}");
