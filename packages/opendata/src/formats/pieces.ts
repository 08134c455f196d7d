// Every export writes its rows as text in pieces of about 64 kB rather than a piece per batch of
// 10 000 rows: the reader pulls the next piece as it downloads, and each piece dies young (a
// multi-megabyte string goes straight to V8's old space and lingers until a full collection).
const PIECE_LENGTH = 64_000;

export async function* inPieces<Row>(batches: AsyncIterable<readonly Row[]>, write: (row: Row) => string): AsyncGenerator<string> {
  let piece = "";
  for await (const rows of batches) {
    for (const row of rows) {
      piece += write(row);
      if (piece.length >= PIECE_LENGTH) {
        yield piece;
        piece = "";
      }
    }
  }
  if (piece) yield piece;
}
