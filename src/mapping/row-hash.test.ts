import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { canonicalJson } from "./canonical-json.ts";
import { rowHash, type RowContent } from "./row-hash.ts";

const content: RowContent = {
  properties: { email: "ada@example.com", firstname: "Ada", amount: "1199.88", note: "naïve – ünïcödé 😀" },
  associations: {
    companies: [
      { key: "123", label: null },
      { key: "456", label: "Billing" },
    ],
    contacts: [],
  },
};

// Pinned: a change here means every stored row hash goes stale and every row is sent again.
const pinned = "bd7f7bfbcec4bdec7a6bc1818bf34f699f83d0e28ac4b98fcae3272c06d576b3";

test("a known row has a known hash", () => {
  assert.equal(rowHash(content), pinned);
});

test("the hash is the same in another process", () => {
  const module = fileURLToPath(new URL("./row-hash.ts", import.meta.url));
  const script = `import { rowHash } from ${JSON.stringify(module)}; process.stdout.write(rowHash(${JSON.stringify(content)}));`;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(output, pinned);
});

test("key order and association order do not change the hash", () => {
  const reordered: RowContent = {
    associations: {
      contacts: [],
      companies: [
        { key: "456", label: "Billing" },
        { key: "123", label: null },
        { key: "123", label: null },
      ],
    },
    properties: { note: "naïve – ünïcödé 😀", amount: "1199.88", firstname: "Ada", email: "ada@example.com" },
  };
  assert.equal(rowHash(reordered), pinned);
});

test("any change in what is sent changes the hash", () => {
  const variants: RowContent[] = [
    { ...content, properties: { ...content.properties, amount: "1199.89" } },
    { ...content, properties: { ...content.properties, extra: "" } },
    { ...content, associations: { ...content.associations, companies: [{ key: "123", label: null }] } },
    { ...content, associations: { ...content.associations, companies: [{ key: "123", label: "Billing" }, { key: "456", label: "Billing" }] } },
    { ...content, associations: { companies: content.associations?.["companies"] ?? [] } },
    { properties: content.properties },
  ];
  const hashes = new Set([pinned, ...variants.map(rowHash)]);
  assert.equal(hashes.size, variants.length + 1);
});

test("no associations and an empty association map hash the same", () => {
  assert.equal(rowHash({ properties: { a: "1" } }), rowHash({ properties: { a: "1" }, associations: {} }));
});

test("canonical JSON sorts keys at every level by code unit and refuses non-finite numbers", () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: null, c: "x" }], B: true, "é": 0 }), '{"B":true,"a":[{"c":"x","d":null}],"b":1,"é":0}');
  assert.throws(() => canonicalJson({ n: Number.NaN }), /NaN has no JSON form/);
});
