import type { EmulatorParts } from "../parts.ts";

/** Placeholder: the typed control plane (reset, seed, clock, faults, stats, portals, tokens). */
export class EmulatorControl {
  readonly parts: EmulatorParts;

  constructor(parts: EmulatorParts) {
    this.parts = parts;
  }
}
