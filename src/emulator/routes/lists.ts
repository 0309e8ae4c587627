import type { Hono } from "hono";
import type { EmulatorEnv } from "../env.ts";
import type { EmulatorParts } from "../parts.ts";

/** Placeholder: filled in by the work on this part of the emulator. */
export function listsRoutes(_app: Hono<EmulatorEnv>, _parts: EmulatorParts): void {}
