/**
 * A strict reader of a Content-Disposition header (RFC 6266, ext-value of RFC 8187): throws on
 * anything a careful client could not parse, so a test sees a malformed header as a failure.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ATTR_VALUE = /^(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9!#$&+.^_`|~-])*$/;

export interface Disposition {
  type: string;
  params: Record<string, string>;
  /** filename* decoded, when present. */
  filenameStar?: string;
}

export function parseContentDisposition(header: string): Disposition {
  let rest = header;
  const typeMatch = /^\s*([^;\s]+)\s*/.exec(rest);
  if (!typeMatch || !TOKEN.test(typeMatch[1])) throw new Error(`bad disposition type in ${header}`);
  const type = typeMatch[1].toLowerCase();
  rest = rest.slice(typeMatch[0].length);
  const params: Record<string, string> = {};
  while (rest.length > 0) {
    const semi = /^;\s*([^=\s]+)\s*=\s*/.exec(rest);
    if (!semi) throw new Error(`expected ";name=" at ${JSON.stringify(rest)}`);
    const name = semi[1].toLowerCase();
    if (!TOKEN.test(name)) throw new Error(`bad parameter name ${name}`);
    if (name in params) throw new Error(`parameter ${name} repeated`);
    rest = rest.slice(semi[0].length);
    let value: string;
    if (rest.startsWith('"')) {
      const quoted = /^"((?:[^"\\\u0000-\u001f\u007f]|\\[\u0020-\u007e])*)"\s*/.exec(rest);
      if (!quoted) throw new Error(`bad quoted string at ${JSON.stringify(rest)}`);
      value = quoted[1].replace(/\\(.)/g, "$1");
      rest = rest.slice(quoted[0].length);
    } else {
      const token = /^([^;\s]+)\s*/.exec(rest);
      if (!token) throw new Error(`missing value for ${name}`);
      value = token[1];
      rest = rest.slice(token[0].length);
      if (!name.endsWith("*") && !TOKEN.test(value)) throw new Error(`bad token value ${value}`);
    }
    params[name] = value;
  }
  const out: Disposition = { type, params };
  if (params["filename*"] !== undefined) {
    const ext = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'([A-Za-z0-9-]*)'(.*)$/.exec(params["filename*"]);
    if (!ext) throw new Error(`bad ext-value ${params["filename*"]}`);
    if (ext[1].toUpperCase() !== "UTF-8") throw new Error(`charset ${ext[1]} is not UTF-8`);
    if (!ATTR_VALUE.test(ext[3])) throw new Error(`characters not allowed in ext-value: ${ext[3]}`);
    out.filenameStar = decodeURIComponent(ext[3]);
  }
  return out;
}
