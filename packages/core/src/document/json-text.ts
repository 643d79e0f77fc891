/**
 * A JSON reader that says where a file is broken (line and column) and reports duplicate keys, which JSON.parse
 * silently resolves by keeping the last one — a value dropped without a word.
 */

export interface JsonSyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export interface DuplicateKey {
  /** JSON path of the object holding the key twice, e.g. `components[2].config`. */
  path: string;
  key: string;
}

export type JsonTextResult =
  | { ok: true; value: unknown; duplicateKeys: DuplicateKey[] }
  | { ok: false; error: JsonSyntaxError };

const MAX_DEPTH = 256;

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Appends a key or index to a JSON path the way error messages show it: `a.b[3].c`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const plain = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
  if (!plain) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function parseJsonText(text: string): JsonTextResult {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a byte-order mark
  const duplicateKeys: DuplicateKey[] = [];

  const describe = (at: number) => {
    const c = text[at];
    if (c === undefined) return 'the end of the file';
    if (c === '"') return 'a string';
    if (c === '-' || (c >= '0' && c <= '9')) return 'a number';
    return `"${c}"`;
  };
  const fail = (message: string, at = i): never => {
    throw new JsonError(message, at);
  };
  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('unterminated string', start);
      if (c === 34) break;
      if (c < 32) fail('control character in string (escape it, e.g. \\n)');
      if (c === 92) {
        escaped = true;
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in string');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(`invalid escape "\\${next ?? ''}" in string`);
        i += 2;
        continue;
      }
      i++;
    }
    i++; // closing quote
    const raw = text.slice(start, i);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };

  const isDigit = (c: number) => c >= 48 && c <= 57;
  const parseNumber = (): number => {
    const start = i;
    if (text.charCodeAt(i) === 45) i++; // -
    if (text.charCodeAt(i) === 48) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else fail(`expected a digit, found ${describe(i)}`);
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail(`expected a digit after ".", found ${describe(i)}`);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
      if (!isDigit(text.charCodeAt(i))) fail(`expected a digit in the exponent, found ${describe(i)}`);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return Number(text.slice(start, i));
  };

  /** Keys and indexes from the root to the value being read; turned into a path string only when needed. */
  const trail: Array<string | number> = [];
  const currentPath = () => trail.reduce<string>((path, key) => childPath(path, key), '');

  const parseValue = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const c = text[i];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (c === "'") return fail('strings must use double quotes');
    return fail(`expected a value, found ${describe(i)}`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    i++;
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `expected a key in double quotes, found ${describe(i)}`);
      const key = parseString();
      skipWhitespace();
      if (text[i] !== ':') fail(`expected ":" after key "${key}", found ${describe(i)}`);
      i++;
      trail.push(key);
      const value = parseValue(depth + 1);
      trail.pop();
      if (Object.prototype.hasOwnProperty.call(result, key)) duplicateKeys.push({ path: currentPath(), key });
      // a key named "__proto__" must stay a plain key instead of changing the prototype
      if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      skipWhitespace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return result;
      }
      fail(`expected "," or "}", found ${describe(i)}${text[i] === '"' ? ' (is a comma missing?)' : ''}`);
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const result: unknown[] = [];
    i++;
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') fail('trailing comma before "]"');
      trail.push(result.length);
      result.push(parseValue(depth + 1));
      trail.pop();
      skipWhitespace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return result;
      }
      fail(`expected "," or "]", found ${describe(i)}${text[i] === '"' || text[i] === '{' ? ' (is a comma missing?)' : ''}`);
    }
  };

  try {
    skipWhitespace();
    if (i >= text.length) fail('the file is empty; expected a JSON object');
    const value = parseValue(0);
    skipWhitespace();
    if (i < text.length) fail(`found ${describe(i)} after the end of the JSON value`);
    return { ok: true, value, duplicateKeys };
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    return { ok: false, error: { message: error.message, ...lineAndColumn(text, error.offset) } };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
