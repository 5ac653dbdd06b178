/** How a measure's messages name its rows, its columns and the faults of a row. */
export interface MatrixWords {
  /** The measure, first word of every message. */
  fn: string;
  rows: string;
  columns: string;
  /** A row `i` of `length` entries where `expected` were needed. */
  ragged: (i: number, length: number, expected: number) => string;
  /** The entry of row `i`, column `j`: what is not a finite number. */
  entry: (i: number, j: number) => string;
}

/**
 * Checks a complete matrix of ratings (rows × columns) and returns its size: at least 2 rows
 * and 2 columns, every row as long as the first, finite numbers only. Cost: O(rows·columns).
 *
 * @example
 * completeMatrix([[1, 2], [3, 4], [5, 6]], words); // { rows: 3, columns: 2 }
 */
export function completeMatrix(matrix: number[][], words: MatrixWords): { rows: number; columns: number } {
  if (!Array.isArray(matrix) || matrix.length < 2) {
    throw new Error(
      `${words.fn}: at least 2 ${words.rows} (rows) are needed, got ${Array.isArray(matrix) ? matrix.length : "none"}`,
    );
  }
  const rows = matrix.length;
  const columns = matrix[0]?.length ?? 0;
  if (columns < 2) throw new Error(`${words.fn}: at least 2 ${words.columns} (columns) are needed, got ${columns}`);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(`${words.fn}: ${words.ragged(i, Array.isArray(row) ? row.length : 0, columns)}`);
    }
    for (let j = 0; j < columns; j++) {
      if (typeof row[j] !== "number" || !Number.isFinite(row[j])) {
        throw new Error(`${words.fn}: ${words.entry(i, j)} is not a finite number (${String(row[j])})`);
      }
    }
  }
  return { rows, columns };
}
