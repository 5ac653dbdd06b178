// CSV for spreadsheets: UTF-8 with a BOM (Excel reads accents and Arabic), RFC 4180 quoting,
// CRLF line ends, and formula injection defused (a cell starting with = + - @ tab or CR gets an apostrophe).
export type Cell = string | number | null | undefined;

export function safeCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return "\uFEFF" + rows.map((row) => row.map((cell) => quote(safeCell(cell))).join(",")).join("\r\n") + "\r\n";
}
