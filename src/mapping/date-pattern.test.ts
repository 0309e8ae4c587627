import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkReadablePattern, compileDatePattern, readWithPattern, writeWithPattern, type DatePattern } from "./date-pattern.ts";

function pattern(text: string): DatePattern {
  const compiled = compileDatePattern(text);
  assert.ok(compiled.ok, compiled.ok ? "" : compiled.error);
  assert.equal(checkReadablePattern(compiled.value), undefined);
  return compiled.value;
}

function read(text: string, format: string): number | string {
  const result = readWithPattern(text, pattern(format));
  return result.ok ? new Date(result.value).toISOString() : result.error;
}

test("day-first and month-first patterns read the same day in UTC", () => {
  assert.equal(read("05/03/2024", "DD/MM/YYYY"), "2024-03-05T00:00:00.000Z");
  assert.equal(read("03/05/2024", "MM/DD/YYYY"), "2024-03-05T00:00:00.000Z");
  assert.equal(read("5.3.2024", "D.M.YYYY"), "2024-03-05T00:00:00.000Z");
  assert.equal(read(" 5 Mar 2024 ", "D MMM YYYY"), "2024-03-05T00:00:00.000Z");
  assert.equal(read("March 5, 2024", "MMMM D, YYYY"), "2024-03-05T00:00:00.000Z");
});

test("leap days exist only in leap years", () => {
  assert.equal(read("29/02/2024", "DD/MM/YYYY"), "2024-02-29T00:00:00.000Z");
  assert.equal(read("29/02/2000", "DD/MM/YYYY"), "2000-02-29T00:00:00.000Z");
  assert.equal(read("29/02/2023", "DD/MM/YYYY"), "is not a real date (February 2023 has 28 days)");
  assert.equal(read("29/02/2100", "DD/MM/YYYY"), "is not a real date (February 2100 has 28 days)");
  assert.equal(read("31/04/2024", "DD/MM/YYYY"), "is not a real date (April 2024 has 30 days)");
});

test("times: 24-hour, 12-hour with AM/PM, fractions and offsets", () => {
  assert.equal(read("2024-03-05T14:30:15", "YYYY-MM-DD[T]HH:mm:ss"), "2024-03-05T14:30:15.000Z");
  assert.equal(read("03/05/2024 02:30 PM", "MM/DD/YYYY hh:mm A"), "2024-03-05T14:30:00.000Z");
  assert.equal(read("03/05/2024 12:05 am", "MM/DD/YYYY h:mm a"), "2024-03-05T00:05:00.000Z");
  assert.equal(read("03/05/2024 12:05 PM", "MM/DD/YYYY h:mm A"), "2024-03-05T12:05:00.000Z");
  assert.equal(read("05.03.2024 14:30:15.123456", "DD.MM.YYYY HH:mm:ss.SSS"), "2024-03-05T14:30:15.123Z");
  assert.equal(read("05.03.2024 14:30 +02:00", "DD.MM.YYYY HH:mm Z"), "2024-03-05T12:30:00.000Z");
  assert.equal(read("05.03.2024 13:30 PM", "DD.MM.YYYY hh:mm A"), "is not a real date (hour 13 is out of range 1–12 on a 12-hour clock)");
});

test("text not in the pattern says which pattern", () => {
  assert.equal(read("2024-03-05", "DD/MM/YYYY"), "is not a date in the format DD/MM/YYYY");
  assert.equal(read("5 Mrz 2024", "D MMM YYYY"), 'is not a date in the format D MMM YYYY ("Mrz" is not an English month name)');
});

test("patterns that cannot be read back are refused when compiled", () => {
  const problem = (text: string): string | undefined => {
    const compiled = compileDatePattern(text);
    return compiled.ok ? checkReadablePattern(compiled.value) : compiled.error;
  };
  assert.equal(problem("DD/MM/YY"), 'pattern "DD/MM/YY": two-digit years (YY) are ambiguous; use YYYY');
  assert.equal(problem("dd/mm/yyyy"), 'pattern "dd/mm/yyyy": "dd" is not a date token (use YYYY, MM, M, MMM, DD, D, HH, hh, mm, ss, SSS, A, Z, or [text] for literal letters)');
  assert.equal(problem("MM/YYYY"), 'pattern "MM/YYYY" needs exactly one day (DD or D)');
  assert.equal(problem("DD/MM/YYYY/YYYY"), 'pattern "DD/MM/YYYY/YYYY" needs exactly one year (YYYY)');
  assert.equal(problem("DD/MM/YYYY hh:mm"), 'pattern "DD/MM/YYYY hh:mm" uses a 12-hour clock (hh) and needs exactly one AM/PM (A)');
  assert.equal(problem("DD/MM/YYYY HH:mm A"), 'pattern "DD/MM/YYYY HH:mm A" has AM/PM (A) without a 12-hour clock (hh)');
  assert.equal(problem("YYYY-MM-DD[T"), 'pattern "YYYY-MM-DD[T" opens [ without closing it');
});

test("writing a pattern uses UTC fields", () => {
  const ms = Date.UTC(2024, 1, 29, 15, 4, 5, 6);
  assert.equal(writeWithPattern(ms, pattern("DD/MM/YYYY")), "29/02/2024");
  assert.equal(writeWithPattern(ms, pattern("D MMMM YYYY, h:mm A")), "29 February 2024, 3:04 PM");
  assert.equal(writeWithPattern(ms, pattern("YYYY-MM-DD[T]HH:mm:ss.SSSZ")), "2024-02-29T15:04:05.006Z");
  assert.equal(writeWithPattern(Date.UTC(2024, 0, 1, 0, 0), pattern("MMM D, YYYY hh:mm a")), "Jan 1, 2024 12:00 am");
});

test("results do not depend on the machine's time zone, even inside a DST gap there", () => {
  // 2024-03-10 02:30 does not exist in New York (clocks jump 02:00 → 03:00); in UTC it is just a moment.
  const modules = ["./date-pattern.ts", "./coerce-value.ts"].map((file) => JSON.stringify(fileURLToPath(new URL(file, import.meta.url))));
  const script = [
    `import { compileDatePattern, readWithPattern } from ${modules[0] ?? ""};`,
    `import { coerceValue } from ${modules[1] ?? ""};`,
    `const p = compileDatePattern("MM/DD/YYYY HH:mm");`,
    `const r = p.ok ? readWithPattern("03/10/2024 02:30", p.value) : p;`,
    `const c = coerceValue("2024-03-10 02:30", { name: "d", type: "datetime", fieldType: "date" });`,
    `process.stdout.write(JSON.stringify([r.ok ? new Date(r.value).toISOString() : r.error, c.ok ? c.value : c.error.message]));`,
  ].join("\n");
  for (const zone of ["America/New_York", "Europe/Berlin", "Pacific/Kiritimati", "UTC"]) {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, TZ: zone } });
    assert.deepEqual(JSON.parse(output), ["2024-03-10T02:30:00.000Z", "2024-03-10T02:30:00.000Z"], zone);
  }
});
