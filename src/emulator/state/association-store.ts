import type { Portal } from "./portal.ts";

/** Placeholder: filled in by the work on this part of the emulator. */
export class AssociationStore {
  readonly portal: Portal;

  constructor(portal: Portal) {
    this.portal = portal;
  }
}
