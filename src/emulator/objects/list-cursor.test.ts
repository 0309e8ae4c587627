import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../http/api-error.ts";
import { decodeListCursor, encodeListCursor } from "./list-cursor.ts";

test("a list cursor round-trips its row and does not show it as a number", () => {
  for (const row of [0, 1, 99, 1_000_000]) {
    const cursor = encodeListCursor(row);
    assert.doesNotMatch(cursor, /^\d+$/);
    assert.equal(decodeListCursor(cursor), row);
  }
});

test("a cursor the emulator did not hand out is HubSpot's 400", () => {
  for (const garbage of ["abc", "12", encodeListCursor(5) + "!", Buffer.from("hs1:-1").toString("base64url"), Buffer.from("hs1:1.5").toString("base64url")]) {
    assert.throws(() => decodeListCursor(garbage), (e: unknown) => e instanceof ApiError && e.status === 400 && e.category === "VALIDATION_ERROR", garbage);
  }
});
