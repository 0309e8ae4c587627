import type { PipelineObjectTypeName } from "./pipeline.ts";
import type { PipelineInput, StageInput } from "./pipeline-input.ts";

function dealStage(id: string, label: string, displayOrder: number, probability: string): StageInput {
  const isClosed = probability === "1.0" || probability === "0.0";
  return { id, label, displayOrder, metadata: { isClosed: String(isClosed), probability } };
}

function ticketStage(id: string, label: string, displayOrder: number, ticketState: "OPEN" | "CLOSED"): StageInput {
  return { id, label, displayOrder, metadata: { ticketState, isClosed: String(ticketState === "CLOSED") } };
}

/** The pipelines every new HubSpot portal has, with HubSpot's own ids for them and their stages. */
export const defaultPipelines: Record<PipelineObjectTypeName, PipelineInput> = {
  deals: {
    id: "default",
    label: "Sales Pipeline",
    displayOrder: 0,
    stages: [
      dealStage("appointmentscheduled", "Appointment Scheduled", 0, "0.2"),
      dealStage("qualifiedtobuy", "Qualified To Buy", 1, "0.4"),
      dealStage("presentationscheduled", "Presentation Scheduled", 2, "0.6"),
      dealStage("decisionmakerboughtin", "Decision Maker Bought-In", 3, "0.8"),
      dealStage("contractsent", "Contract Sent", 4, "0.9"),
      dealStage("closedwon", "Closed Won", 5, "1.0"),
      dealStage("closedlost", "Closed Lost", 6, "0.0"),
    ],
  },
  tickets: {
    id: "0",
    label: "Support Pipeline",
    displayOrder: 0,
    stages: [
      ticketStage("1", "New", 0, "OPEN"),
      ticketStage("2", "Waiting on contact", 1, "OPEN"),
      ticketStage("3", "Waiting on us", 2, "OPEN"),
      ticketStage("4", "Closed", 3, "CLOSED"),
    ],
  },
};
