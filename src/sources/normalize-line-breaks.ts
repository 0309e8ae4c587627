import { Transform } from "node:stream";

const CR = 0x0d;
const LF = 0x0a;

/**
 * CRLF → LF before the CSV parser: csv-parse counts a CRLF inside a quoted field as two lines,
 * which would shift every line number reported after it. A CR that ends a chunk waits for the
 * next one, in case its LF starts it. Line breaks inside quoted values arrive as LF.
 */
export function normalizeLineBreaks(): Transform {
  let pendingCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const input = pendingCr ? Buffer.concat([Buffer.from([CR]), chunk]) : chunk;
      pendingCr = input.length > 0 && input[input.length - 1] === CR;
      const end = pendingCr ? input.length - 1 : input.length;
      const output = Buffer.allocUnsafe(end);
      let length = 0;
      for (let index = 0; index < end; index++) {
        const byte = input[index] ?? 0;
        if (byte === CR && input[index + 1] === LF) continue;
        output[length++] = byte;
      }
      done(null, output.subarray(0, length));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from([CR]) : undefined);
    },
  });
}
