import type { PropertySpec } from "./property-definition.ts";

/** Read-only properties HubSpot maintains on every record. */
function systemProperties(modified: "lastmodifieddate" | "hs_lastmodifieddate"): PropertySpec[] {
  const props: PropertySpec[] = [
    { name: "hs_object_id", label: "Record ID", type: "number", readOnly: true },
    { name: "createdate", label: "Create Date", type: "datetime", readOnly: true },
    { name: modified, label: "Last Modified Date", type: "datetime", readOnly: true },
    { name: "hs_merged_object_ids", label: "Merged Record IDs", type: "enumeration", fieldType: "checkbox", readOnly: true },
    { name: "hs_created_by_user_id", type: "number", readOnly: true },
    { name: "hs_updated_by_user_id", type: "number", readOnly: true },
  ];
  // Contacts carry both names of the modified date; HubSpot filters contacts on lastmodifieddate.
  if (modified === "lastmodifieddate") props.push({ name: "hs_lastmodifieddate", type: "datetime", readOnly: true });
  return props;
}

const owner: PropertySpec = { name: "hubspot_owner_id", label: "Owner", type: "enumeration", fieldType: "select" };
const timestamp: PropertySpec = { name: "hs_timestamp", label: "Activity date", type: "datetime" };
const frequency = ["weekly", "biweekly", "monthly", "quarterly", "per_six_months", "annually", "per_two_years", "per_three_years"];

const perType: Record<string, PropertySpec[]> = {
  contacts: [
    { name: "email", type: "string", groupName: "contactinformation" },
    { name: "firstname", label: "First Name", groupName: "contactinformation" },
    { name: "lastname", label: "Last Name", groupName: "contactinformation" },
    { name: "phone", type: "phone_number", groupName: "contactinformation" },
    { name: "mobilephone", type: "phone_number", groupName: "contactinformation" },
    { name: "company", label: "Company Name", groupName: "contactinformation" },
    { name: "website", groupName: "contactinformation" },
    { name: "jobtitle", label: "Job Title", groupName: "contactinformation" },
    { name: "address", groupName: "contactinformation" },
    { name: "city", groupName: "contactinformation" },
    { name: "state", groupName: "contactinformation" },
    { name: "zip", groupName: "contactinformation" },
    { name: "country", groupName: "contactinformation" },
    { name: "lifecyclestage", type: "enumeration", groupName: "contactinformation", options: ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"] },
    { name: "hs_lead_status", type: "enumeration", options: ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"] },
    { name: "hs_additional_emails", type: "enumeration", fieldType: "checkbox", readOnly: true },
    { name: "notes_last_updated", label: "Last Activity Date", type: "datetime", readOnly: true },
    { name: "hs_email_optout", type: "bool" },
    owner,
  ],
  companies: [
    { name: "name", groupName: "companyinformation" },
    { name: "domain", groupName: "companyinformation" },
    { name: "website", groupName: "companyinformation" },
    { name: "industry", groupName: "companyinformation" },
    { name: "phone", type: "phone_number", groupName: "companyinformation" },
    { name: "city", groupName: "companyinformation" },
    { name: "state", groupName: "companyinformation" },
    { name: "country", groupName: "companyinformation" },
    { name: "numberofemployees", type: "number", groupName: "companyinformation" },
    { name: "annualrevenue", type: "number", groupName: "companyinformation" },
    { name: "lifecyclestage", type: "enumeration", options: ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"] },
    { name: "description", groupName: "companyinformation" },
    owner,
  ],
  deals: [
    { name: "dealname", label: "Deal Name", groupName: "dealinformation" },
    { name: "amount", type: "number", groupName: "dealinformation" },
    { name: "closedate", label: "Close Date", type: "datetime", groupName: "dealinformation" },
    { name: "dealstage", label: "Deal Stage", type: "enumeration", fieldType: "radio", groupName: "dealinformation" },
    { name: "pipeline", type: "enumeration", groupName: "dealinformation" },
    { name: "dealtype", type: "enumeration", fieldType: "radio", options: ["newbusiness", "existingbusiness"] },
    { name: "description", groupName: "dealinformation" },
    { name: "hs_is_closed", type: "bool", readOnly: true },
    { name: "hs_is_closed_won", type: "bool", readOnly: true },
    { name: "recurringbillingfrequency", type: "enumeration", options: frequency },
    owner,
  ],
  tickets: [
    { name: "subject", label: "Ticket name", groupName: "ticketinformation" },
    { name: "content", label: "Ticket description", groupName: "ticketinformation" },
    { name: "hs_pipeline", label: "Pipeline", type: "enumeration", groupName: "ticketinformation" },
    { name: "hs_pipeline_stage", label: "Ticket status", type: "enumeration", groupName: "ticketinformation" },
    { name: "hs_ticket_priority", label: "Priority", type: "enumeration", options: ["LOW", "MEDIUM", "HIGH", "URGENT"] },
    { name: "hs_ticket_category", label: "Category", type: "enumeration", fieldType: "checkbox", options: ["PRODUCT_ISSUE", "BILLING_ISSUE", "FEATURE_REQUEST", "GENERAL_INQUIRY"] },
    owner,
  ],
  products: [
    { name: "name" },
    { name: "description" },
    { name: "price", type: "number" },
    { name: "hs_sku", label: "SKU" },
    { name: "hs_cost_of_goods_sold", type: "number" },
    { name: "recurringbillingfrequency", type: "enumeration", options: frequency },
    owner,
  ],
  line_items: [
    { name: "name" },
    { name: "description" },
    { name: "price", type: "number" },
    { name: "quantity", type: "number" },
    { name: "amount", type: "number", readOnly: true },
    { name: "hs_product_id", type: "number" },
    { name: "hs_sku", label: "SKU" },
    { name: "recurringbillingfrequency", type: "enumeration", options: frequency },
    { name: "hs_recurring_billing_period" },
  ],
  quotes: [
    { name: "hs_title", label: "Quote name" },
    { name: "hs_expiration_date", type: "date" },
    { name: "hs_status", type: "enumeration", options: ["DRAFT", "APPROVAL_NOT_NEEDED", "PENDING_APPROVAL", "APPROVED", "REJECTED"] },
    { name: "hs_currency" },
    { name: "hs_language" },
    { name: "hs_sender_email" },
    owner,
  ],
  calls: [
    timestamp,
    { name: "hs_call_title" },
    { name: "hs_call_body" },
    { name: "hs_call_duration", type: "number" },
    { name: "hs_call_direction", type: "enumeration", options: ["INBOUND", "OUTBOUND"] },
    { name: "hs_call_status", type: "enumeration", options: ["BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED", "CONNECTING", "FAILED", "IN_PROGRESS", "NO_ANSWER", "QUEUED", "RINGING"] },
    owner,
  ],
  emails: [
    timestamp,
    { name: "hs_email_subject" },
    { name: "hs_email_text" },
    { name: "hs_email_html" },
    { name: "hs_email_direction", type: "enumeration", options: ["EMAIL", "INCOMING_EMAIL", "FORWARDED_EMAIL"] },
    { name: "hs_email_status", type: "enumeration", options: ["BOUNCED", "FAILED", "SCHEDULED", "SENDING", "SENT"] },
    owner,
  ],
  meetings: [
    timestamp,
    { name: "hs_meeting_title" },
    { name: "hs_meeting_body" },
    { name: "hs_meeting_start_time", type: "datetime" },
    { name: "hs_meeting_end_time", type: "datetime" },
    { name: "hs_meeting_outcome", type: "enumeration", options: ["SCHEDULED", "COMPLETED", "RESCHEDULED", "NO_SHOW", "CANCELED"] },
    owner,
  ],
  notes: [timestamp, { name: "hs_note_body", label: "Note body" }, owner],
  tasks: [
    timestamp,
    { name: "hs_task_subject" },
    { name: "hs_task_body" },
    { name: "hs_task_status", type: "enumeration", options: ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"] },
    { name: "hs_task_priority", type: "enumeration", options: ["LOW", "MEDIUM", "HIGH"] },
    { name: "hs_task_type", type: "enumeration", options: ["CALL", "EMAIL", "TODO"] },
    owner,
  ],
};

/** The properties every portal has for a built-in type, system ones included. */
export function defaultPropertySpecs(typeName: string, modified: "lastmodifieddate" | "hs_lastmodifieddate"): PropertySpec[] {
  return [...systemProperties(modified), ...(perType[typeName] ?? [])];
}

/** The groups HubSpot creates for every type; properties of new groups need the group first. */
export const defaultGroupNames = ["information", "contactinformation", "companyinformation", "dealinformation", "ticketinformation"];
