import { createHash, createHmac } from "node:crypto";

/**
 * The headers HubSpot signs a delivery with: v1 (hex sha256 of secret + body) and v3
 * (base64 HMAC-SHA256 keyed by the secret over method + URL + body + timestamp).
 * Both are computed over the exact body string sent, never a re-serialisation.
 */
export function signatureHeaders(clientSecret: string, targetUrl: string, body: string, timestamp: number): Record<string, string> {
  const v1 = createHash("sha256").update(clientSecret + body).digest("hex");
  const v3 = createHmac("sha256", clientSecret).update(`POST${targetUrl}${body}${timestamp}`).digest("base64");
  return {
    "Content-Type": "application/json",
    "X-HubSpot-Signature-Version": "v1",
    "X-HubSpot-Signature": v1,
    "X-HubSpot-Signature-v3": v3,
    "X-HubSpot-Request-Timestamp": String(timestamp),
  };
}
