// Coded errors that quote the bad value and say where it came from (file, line, field).

export type ErrorCode =
  | 'E_USAGE'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_UTF8'
  | 'E_INPUT_TOO_LARGE'
  | 'E_INPUT_JSON'
  | 'E_INPUT_FIELD'
  | 'E_INPUT_NOT_FOUND'
  | 'E_INPUT_READ'
  | 'E_DATA'
  | 'E_STAGE';

export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(message);
    this.name = 'SitrepError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }

  /** One line for stderr: "file:line: field: message [CODE]". */
  toLine(): string {
    const loc = [this.file, this.line != null ? String(this.line) : undefined].filter(Boolean).join(':');
    const field = this.field ? `field "${this.field}": ` : '';
    return `${loc ? loc + ': ' : ''}${field}${this.message} [${this.code}]`;
  }
}

/** Quote a bad value for an error message, shortened. */
export function quote(value: unknown, max = 60): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    // A value nested too deep to serialise (or a cycle): say what it is instead of recursing.
    s = Array.isArray(value) ? '[array nested too deep to show]' : typeof value === 'object' && value ? '{object nested too deep to show}' : typeof value;
  }
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}
