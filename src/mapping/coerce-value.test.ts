import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { coerceValue, type Coercion, type CoercionOptions } from "./coerce-value.ts";
import type { PropertyDefinition, PropertyOption } from "./property-definition.ts";

const property = (name: string, type: string, fieldType = "text", options?: PropertyOption[]): PropertyDefinition => ({ name, type, fieldType, options });
const option = (value: string, label = value): PropertyOption => ({ value, label });

const text = property("jobtitle", "string");
const phone = property("phone", "phone_number", "phonenumber");
const amount = property("amount", "number", "number");
const optIn = property("opted_in", "bool", "booleancheckbox", [option("true", "Yes"), option("false", "No")]);
const renewal = property("renewal_date", "date", "date");
const closed = property("closedate", "datetime", "date");
const lifecycle = property(
  "lifecyclestage",
  "enumeration",
  "radio",
  ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"].map((value) =>
    option(value, value.charAt(0).toUpperCase() + value.slice(1)),
  ),
);
const colours = property("colours", "enumeration", "checkbox", [option("red", "Red"), option("dark_blue", "Dark blue"), option("yes_please", "Yes, please")]);

function value(result: Coercion): string | null {
  assert.ok(result.ok, `expected success, got ${result.ok ? "" : result.error.message}`);
  return result.value;
}

function failure(result: Coercion): string {
  assert.ok(!result.ok, `expected a failure, got ${JSON.stringify(result)}`);
  return result.error.message;
}

const coerce = (input: unknown, target: PropertyDefinition, options?: CoercionOptions): Coercion => coerceValue(input, target, options);

describe("empty values", () => {
  for (const empty of [null, undefined, "", "   ", [], [null, ""]]) {
    test(`${JSON.stringify(empty) ?? "undefined"} leaves the property out, or clears it with clearOnNull`, () => {
      for (const target of [text, amount, optIn, renewal, closed, lifecycle, colours]) {
        assert.equal(value(coerce(empty, target)), null);
        assert.equal(value(coerce(empty, target, { clearOnNull: true })), "");
      }
    });
  }

  test("a multi-select given only separators is empty too", () => {
    assert.equal(value(coerce(";;", colours)), null);
    assert.equal(value(coerce(" ; ", colours, { clearOnNull: true })), "");
  });
});

describe("string and phone_number", () => {
  test("text passes as written; numbers, booleans, bigints and dates become text", () => {
    assert.equal(value(coerce("  Head of Data ", text)), "  Head of Data ");
    assert.equal(value(coerce(42, text)), "42");
    assert.equal(value(coerce(1e21, text)), "1000000000000000000000");
    assert.equal(value(coerce(true, text)), "true");
    assert.equal(value(coerce(12345678901234567890n, text)), "12345678901234567890");
    assert.equal(value(coerce(new Date(Date.UTC(2024, 2, 5, 14, 30)), text)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce("+44 20 7946 0958", phone)), "+44 20 7946 0958");
    assert.equal(value(coerce(4420794609, phone)), "4420794609");
  });

  test("lists, maps, invalid dates and non-finite numbers are refused", () => {
    assert.equal(
      failure(coerce(["a", "b"], text)),
      'property "jobtitle": ["a","b"] is a list, and this property takes one value (map it to a multi-select property, or join it with a concat transform)',
    );
    assert.equal(failure(coerce({ a: 1 }, text)), 'property "jobtitle": {"a":1} is a map, and this property takes one value');
    assert.equal(failure(coerce(new Date("nope"), text)), 'property "jobtitle": an invalid date is an invalid date');
    assert.equal(failure(coerce(Number.POSITIVE_INFINITY, phone)), 'property "phone": Infinity is not a finite number');
  });

  test("a type HubSpot adds later is kept as text", () => {
    assert.equal(value(coerce(12, property("geo", "object_coordinates"))), "12");
  });
});

describe("number", () => {
  test("numbers, bigints and number text become exact decimal text", () => {
    assert.equal(value(coerce(1234.5, amount)), "1234.5");
    assert.equal(value(coerce(-0, amount)), "0");
    assert.equal(value(coerce(1e-7, amount)), "0.0000001");
    assert.equal(value(coerce(1e21, amount)), "1000000000000000000000");
    assert.equal(value(coerce(12345678901234567890n, amount)), "12345678901234567890");
    assert.equal(value(coerce(" 1234.50 ", amount)), "1234.5");
    assert.equal(value(coerce("+007", amount)), "7");
    assert.equal(value(coerce(".5", amount)), "0.5");
    assert.equal(value(coerce("-1.5e3", amount)), "-1500");
    // Never through a float: every digit of a long decimal survives.
    assert.equal(value(coerce("12345678901234567890.123456789", amount)), "12345678901234567890.123456789");
  });

  test("thousands separators are read only when the format names them", () => {
    assert.equal(
      failure(coerce("1,234,567.89", amount)),
      'property "amount": "1,234,567.89" is not a number: it groups thousands with "," (set numberFormat: { thousands: "," } to read it)',
    );
    assert.equal(value(coerce("1,234,567.89", amount, { numberFormat: { decimal: ".", thousands: "," } })), "1234567.89");
    assert.equal(value(coerce("1.234.567,89", amount, { numberFormat: { decimal: ",", thousands: "." } })), "1234567.89");
    assert.equal(value(coerce("1 234 567,89", amount, { numberFormat: { decimal: ",", thousands: " " } })), "1234567.89");
    assert.equal(value(coerce("1\u202f234,5", amount, { numberFormat: { decimal: ",", thousands: " " } })), "1234.5");
    assert.equal(value(coerce("1'234.5", amount, { numberFormat: { decimal: ".", thousands: "'" } })), "1234.5");
    assert.equal(value(coerce("1234.5", amount, { numberFormat: { decimal: ".", thousands: "," } })), "1234.5");
    // Grouping must be real: a misplaced separator is an error, not 1234.
    assert.equal(failure(coerce("12,34", amount, { numberFormat: { decimal: ".", thousands: "," } })), 'property "amount": "12,34" is not a number');
  });

  test("a decimal comma needs the format to say so", () => {
    assert.equal(
      failure(coerce("12,5", amount)),
      'property "amount": "12,5" is not a number: "," is not the decimal separator (set numberFormat: { decimal: "," } if it is)',
    );
    assert.equal(value(coerce("12,5", amount, { numberFormat: { decimal: ",", thousands: "none" } })), "12.5");
  });

  test("nothing is truncated or guessed", () => {
    assert.equal(failure(coerce("12abc", amount)), 'property "amount": "12abc" is not a number: only digits, a sign and separators are read (remove currency symbols, units and words first)');
    assert.equal(failure(coerce("$1200", amount)), 'property "amount": "$1200" is not a number: only digits, a sign and separators are read (remove currency symbols, units and words first)');
    assert.equal(failure(coerce("abc", amount)), 'property "amount": "abc" is not a number');
    assert.equal(failure(coerce("1.2.3", amount)), 'property "amount": "1.2.3" is not a number');
    assert.equal(failure(coerce(Number.NaN, amount)), 'property "amount": NaN is not a number');
    assert.equal(failure(coerce(Number.NEGATIVE_INFINITY, amount)), 'property "amount": -Infinity is not a finite number');
    assert.equal(failure(coerce(true, amount)), 'property "amount": true is true/false, not a number');
    assert.equal(failure(coerce(new Date(0), amount)), 'property "amount": 1970-01-01T00:00:00.000Z is a date, not a number');
    assert.equal(failure(coerce([1, 2], amount)).startsWith('property "amount": [1,2] is a list'), true);
    assert.equal(failure(coerce("1e999999", amount)), 'property "amount": "1e999999" is not a number');
  });
});

describe("bool", () => {
  test("true/false, yes/no, 1/0, on/off in any case", () => {
    for (const yes of [true, "true", "TRUE", " yes ", "Y", "1", 1, 1n, "on", "On"]) assert.equal(value(coerce(yes, optIn)), "true", String(yes));
    for (const no of [false, "false", "No", "n", "0", 0, 0n, "off", "OFF"]) assert.equal(value(coerce(no, optIn)), "false", String(no));
  });

  test("anything else is refused", () => {
    assert.equal(failure(coerce("maybe", optIn)), 'property "opted_in": "maybe" is not a yes/no value (expected true/false, yes/no, 1/0 or on/off)');
    assert.equal(failure(coerce(2, optIn)), 'property "opted_in": 2 is not a yes/no value (expected true/false, yes/no, 1/0 or on/off)');
    assert.equal(failure(coerce(new Date(0), optIn)), 'property "opted_in": 1970-01-01T00:00:00.000Z is not a yes/no value (expected true/false, yes/no, 1/0 or on/off)');
  });
});

describe("date", () => {
  const midnight = Date.UTC(2024, 2, 5);

  test("YYYY-MM-DD, midnight-UTC moments and epoch ms become YYYY-MM-DD", () => {
    assert.equal(value(coerce("2024-03-05", renewal)), "2024-03-05");
    assert.equal(value(coerce("2024-02-29", renewal)), "2024-02-29");
    assert.equal(value(coerce("2000-02-29", renewal)), "2000-02-29");
    assert.equal(value(coerce("2024-03-05T00:00:00Z", renewal)), "2024-03-05");
    assert.equal(value(coerce("2024-03-05T01:00:00+01:00", renewal)), "2024-03-05");
    assert.equal(value(coerce(new Date(midnight), renewal)), "2024-03-05");
    assert.equal(value(coerce(midnight, renewal)), "2024-03-05");
    assert.equal(value(coerce(String(midnight), renewal)), "2024-03-05");
    assert.equal(value(coerce(BigInt(midnight), renewal)), "2024-03-05");
    assert.equal(value(coerce(Date.UTC(1950, 0, 1), renewal)), "1950-01-01");
  });

  test("impossible days name the calendar fact", () => {
    assert.equal(failure(coerce("2023-02-29", renewal)), 'property "renewal_date": "2023-02-29" is not a real date (February 2023 has 28 days)');
    assert.equal(failure(coerce("1900-02-29", renewal)), 'property "renewal_date": "1900-02-29" is not a real date (February 1900 has 28 days)');
    assert.equal(failure(coerce("2024-04-31", renewal)), 'property "renewal_date": "2024-04-31" is not a real date (April 2024 has 30 days)');
    assert.equal(failure(coerce("2024-13-01", renewal)), 'property "renewal_date": "2024-13-01" is not a real date (month 13 is out of range (1–12))');
  });

  test("a time of day is refused, not dropped", () => {
    assert.equal(
      failure(coerce("2024-03-05T10:00:00Z", renewal)),
      'property "renewal_date": "2024-03-05T10:00:00Z" has a time of day (10:00:00.000 UTC), and a date property takes a day at midnight UTC (add a date_format transform with output: date to keep only the day)',
    );
    // Local midnight east of UTC is the previous day at 23:00 UTC: not midnight UTC.
    assert.equal(failure(coerce("2024-03-05T00:00:00+01:00", renewal)).includes("has a time of day (23:00:00.000 UTC)"), true);
  });

  test("other formats, epoch seconds and nonsense say what to do", () => {
    assert.equal(
      failure(coerce("05/03/2024", renewal)),
      'property "renewal_date": "05/03/2024" is not a date (expected YYYY-MM-DD, an ISO-8601 date-time at midnight UTC or epoch milliseconds; for other formats add a date_format transform)',
    );
    assert.equal(
      failure(coerce(1709596800, renewal)),
      'property "renewal_date": 1709596800 is too small for epoch milliseconds (it would fall between 1966 and 1973); if it is epoch seconds, add a date_format transform with input: epoch_seconds',
    );
    assert.equal(failure(coerce(1709596800000.5, renewal)), 'property "renewal_date": 1709596800000.5 is not a whole number of epoch milliseconds');
    assert.equal(failure(coerce(8.64e15, renewal)), 'property "renewal_date": 8640000000000000 is outside the years 1–9999');
    assert.equal(failure(coerce(new Date("x"), renewal)), 'property "renewal_date": an invalid date is an invalid date');
    assert.equal(failure(coerce(true, renewal)).startsWith('property "renewal_date": true is not a date'), true);
  });
});

describe("datetime", () => {
  test("ISO-8601 (a zone-less time is UTC) and epoch ms become ISO-8601 UTC with milliseconds", () => {
    assert.equal(value(coerce("2024-03-05T14:30:00Z", closed)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce("2024-03-05 14:30:00", closed)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce("2024-03-05T14:30", closed)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce("2024-03-05T14:30:00.123456+02:00", closed)), "2024-03-05T12:30:00.123Z");
    assert.equal(value(coerce("2024-03-05T14:30:00-0530", closed)), "2024-03-05T20:00:00.000Z");
    assert.equal(value(coerce("2024-03-05", closed)), "2024-03-05T00:00:00.000Z");
    assert.equal(value(coerce(1709649000000, closed)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce("1709649000000", closed)), "2024-03-05T14:30:00.000Z");
    assert.equal(value(coerce(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)), closed)), "2024-02-29T23:59:59.999Z");
  });

  test("a DST change in some zone does not matter: offsets are fixed, everything is UTC", () => {
    // 02:30 on 2024-03-31 does not exist in Europe/Berlin; with an explicit offset it is just a moment.
    assert.equal(value(coerce("2024-03-31T02:30:00+01:00", closed)), "2024-03-31T01:30:00.000Z");
    assert.equal(value(coerce("2024-10-27T02:30:00+02:00", closed)), "2024-10-27T00:30:00.000Z");
    assert.equal(value(coerce("2024-10-27T02:30:00+01:00", closed)), "2024-10-27T01:30:00.000Z");
  });

  test("invalid date-times are refused", () => {
    assert.equal(
      failure(coerce("March 5th", closed)),
      'property "closedate": "March 5th" is not a date-time (expected ISO-8601 such as 2024-03-05T14:30:00Z, or epoch milliseconds; for other formats add a date_format transform)',
    );
    assert.equal(failure(coerce("2024-03-05T24:00:00Z", closed)), 'property "closedate": "2024-03-05T24:00:00Z" is not a real date (hour 24 is out of range (0–23))');
    assert.equal(failure(coerce("2024-03-05T12:00:60Z", closed)), 'property "closedate": "2024-03-05T12:00:60Z" is not a real date (second 60 is out of range (0–59))');
    assert.equal(failure(coerce("2024-03-05T12:00:00+25:00", closed)), 'property "closedate": "2024-03-05T12:00:00+25:00" is not a real date (offset +25:00 is out of range)');
    assert.equal(failure(coerce(20240305, closed)).includes("is too small for epoch milliseconds"), true);
  });
});

describe("enumeration", () => {
  test("matches an option's value or label ignoring case and sends the value", () => {
    assert.equal(value(coerce("lead", lifecycle)), "lead");
    assert.equal(value(coerce("LEAD", lifecycle)), "lead");
    assert.equal(value(coerce(" Customer ", lifecycle)), "customer");
    assert.equal(value(coerce("Dark Blue", property("colour", "enumeration", "select", colours.options ? [...colours.options] : []))), "dark_blue");
  });

  test("a value that is no option names the options", () => {
    assert.equal(
      failure(coerce("Prospect", lifecycle)),
      'property "lifecyclestage": "Prospect" is not one of the options (subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, evangelist, other)',
    );
    const many = property("tier", "enumeration", "select", Array.from({ length: 13 }, (_, index) => option(`t${String(index + 1)}`)));
    assert.equal(failure(coerce("gold", many)), 'property "tier": "gold" is not one of the options (t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, … and 3 more)');
  });

  test("numbers and booleans match options written as text", () => {
    const scores = property("score", "enumeration", "select", [option("1", "Low"), option("2", "High")]);
    assert.equal(value(coerce(2, scores)), "2");
    assert.equal(value(coerce("high", scores)), "2");
    assert.equal(value(coerce(true, property("flag", "enumeration", "select", [option("true"), option("false")]))), "true");
  });

  test("two options matching at the same step is ambiguous, not a guess", () => {
    const twins = property("kind", "enumeration", "select", [option("a", "Partner"), option("b", "partner")]);
    assert.equal(failure(coerce("PARTNER", twins)), 'property "kind": "PARTNER" matches several options (a "Partner", b "partner"); use the option\'s value');
  });

  test("an enumeration without options (owners and other external ones) passes text through", () => {
    assert.equal(value(coerce(" 12345 ", property("hubspot_owner_id", "enumeration", "select", []))), "12345");
  });

  test("lists and maps are refused by single-select", () => {
    assert.equal(failure(coerce(["lead"], lifecycle)).startsWith('property "lifecyclestage": ["lead"] is a list'), true);
  });
});

describe("multi-select (checkbox)", () => {
  test("lists, ;-lists, ,-lists and JSON lists become ;-joined option values", () => {
    assert.equal(value(coerce(["Red", "dark blue"], colours)), "red;dark_blue");
    assert.equal(value(coerce("red;Dark blue", colours)), "red;dark_blue");
    assert.equal(value(coerce("red, dark_blue", colours)), "red;dark_blue");
    assert.equal(value(coerce('["red","DARK_BLUE"]', colours)), "red;dark_blue");
    assert.equal(value(coerce(["red", null, "", "Red"], colours)), "red");
  });

  test("an option containing a comma is matched whole before splitting", () => {
    assert.equal(value(coerce("Yes, please", colours)), "yes_please");
    assert.equal(value(coerce("red;Yes, please", colours)), "red;yes_please");
  });

  test("unknown items are all named", () => {
    assert.equal(failure(coerce("red;green", colours)), 'property "colours": "red;green" has "green", which is not one of the options (red, dark_blue, yes_please)');
    assert.equal(
      failure(coerce(["green", "blue"], colours)),
      'property "colours": ["green","blue"] has "green", "blue", which are not among the options (red, dark_blue, yes_please)',
    );
    assert.equal(failure(coerce([["red"]], colours)), 'property "colours": [["red"]] has ["red"] in its list, and each item must be one option');
  });

  test("without options the items pass through, deduplicated", () => {
    assert.equal(value(coerce("a, b, a", property("tags", "enumeration", "checkbox"))), "a;b");
  });
});
