import type { Readable } from 'node:stream';
import { OutboundError } from './errors.ts';

/**
 * Reads a response body into memory, up to `limit` bytes. A server that declares a larger body
 * is refused before reading; one that sends more than it declared (or declares nothing) is cut
 * off as soon as it passes the limit, so a huge or endless response cannot exhaust memory.
 */
export async function readBody(body: Readable, limit: number, declaredLength: string | undefined): Promise<Buffer> {
  const declared = declaredLength === undefined ? Number.NaN : Number(declaredLength);
  if (declared > limit) {
    body.destroy();
    throw tooLarge(`the response declares ${declared} bytes, more`, limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop by throwing destroys the stream, which closes the connection.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge('the response body is larger', limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(what: string, limit: number): OutboundError {
  return new OutboundError('too-large', `${what} than the ${limit} bytes allowed`, { retryable: false });
}
