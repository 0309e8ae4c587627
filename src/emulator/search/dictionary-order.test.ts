import assert from "node:assert/strict";
import { test } from "node:test";
import { DictionaryOrder } from "./dictionary-order.ts";

test("ranks follow key order as values are added between uses; no value ranks last", () => {
  const order = new DictionaryOrder();
  const dict = ["", "m", "c", "x"];
  const check = () => {
    const ranks = order.ranks(dict);
    const byRank = dict.slice(1).sort();
    for (let code = 1; code < dict.length; code++) assert.equal(ranks[code], byRank.indexOf(dict[code]!), dict[code]);
    assert.equal(ranks[0], dict.length - 1);
  };
  check();
  dict.push("a", "n", "z", "b");
  check();
  dict.push("d");
  check();
});
