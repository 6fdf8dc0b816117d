import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// A worktree elsewhere than the usual checkout names the specs folder itself.
const specs = process.env.PAGEWRIGHT_SPECS_DIR ?? resolve(__dirname, '../../../../shared/specs');

/**
 * Validates JSON answers against the response schemas of Atlassian's OpenAPI documents. Each
 * document is registered whole, so every `#/components/...` reference resolves inside it; a
 * response schema is addressed by a JSON pointer into `paths`.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    for (const [id, file] of [
      ['v1', 'confluence-cloud-v1.openapi.json'],
      ['v2', 'confluence-cloud-v2.openapi.json'],
    ] as const) {
      this.ajv.addSchema(JSON.parse(readFileSync(resolve(specs, file), 'utf8')), id);
    }
  }

  /** Errors (empty when valid) of `data` against the `status` answer of `method path` in `spec`. */
  errors(spec: 'v1' | 'v2', method: string, path: string, data: unknown, status = '200'): string[] {
    const pointer = [
      'paths',
      path,
      method.toLowerCase(),
      'responses',
      status,
      'content',
      'application/json',
      'schema',
    ]
      .map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
      .join('/');
    const ref = `${spec}#/${pointer}`;
    let validate = this.cache.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(ref, validate);
    }
    return validate(data)
      ? []
      : (validate.errors ?? []).map(
          (error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
        );
  }

  /** Errors of `data` against a component schema (e.g. `Content`). */
  componentErrors(spec: 'v1' | 'v2', name: string, data: unknown): string[] {
    const ref = `${spec}#/components/schemas/${name}`;
    let validate = this.cache.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(ref, validate);
    }
    return validate(data)
      ? []
      : (validate.errors ?? []).map(
          (error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
        );
  }
}
