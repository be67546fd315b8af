/**
 * How the inventory schema is compiled into a validator: Ajv's options and keywords, in one place
 * for the generator (scripts/gen-types.ts writes the validator's code, compiled once, to
 * src/inventory/validate.gen.ts) and for anything else that compiles the schema.
 */
import { Ajv, type Options } from 'ajv';
import ajvErrors from 'ajv-errors';

export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  discriminator: true,
  verbose: true,
  allowUnionTypes: true,
};

/** An Ajv instance as the inventory's validator is compiled with (`options` added to AJV_OPTIONS). */
export function inventoryAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...options });
  (ajvErrors as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}
