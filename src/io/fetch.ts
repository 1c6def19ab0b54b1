import { SitrepError } from '../core/errors.js';
import type { InputItem, InputOptions, Source } from './types.js';
export class Fetcher {}
export async function fetchSource(url: string, _opts: InputOptions): Promise<{ ok: true; source: Source } | Extract<InputItem, { ok: false }>> {
  return { ok: false, error: new SitrepError('E_INPUT_READ', 'not yet', { file: url }) };
}
