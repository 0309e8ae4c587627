import type { CsvError } from "csv-parse";

/** A skipped CSV row's problem, in words that say how to fix the file. */
export function csvSkipMessage(error: CsvError): string {
  const line = `line ${String(Reflect.get(error, "lines"))}`;
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const record: unknown = Reflect.get(error, "record");
      const got = Array.isArray(record) ? `${record.length} field${record.length === 1 ? "" : "s"}` : "another number of fields";
      // The parser runs ahead of the rows taken from it, so the header's width comes from its message.
      const expected = /expect (\d+)/.exec(error.message)?.[1];
      return `${line}: ${got} where the header has ${expected ?? "another number"}; the row is skipped`;
    }
    case "CSV_INVALID_CLOSING_QUOTE":
      return `${line}: a quote inside a quoted field must be doubled ("") — or the field left unquoted; the row is skipped`;
    case "CSV_QUOTE_NOT_CLOSED":
      return `${line}: a quoted field is never closed, so the rest of the file was read as that one field and skipped`;
    case "CSV_MAX_RECORD_SIZE":
      return `${line}: a row longer than 8 MiB (an unclosed quote?); the row is skipped`;
    default:
      return `${line}: ${error.message}; the row is skipped`;
  }
}
