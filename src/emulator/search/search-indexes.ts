import type { EmulatorState } from "../state/emulator-state.ts";

/** Placeholder: filled in by the work on search. */
export class SearchIndexes {
  readonly state: EmulatorState;

  constructor(state: EmulatorState) {
    this.state = state;
  }
}
