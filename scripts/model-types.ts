/**
 * Renders src/generated/models.ts: a `<Model>Fields` type per model class of the client, with the
 * values the API puts on the wire, and a `<Model>Data` type with the writable fields for create
 * and update.
 */

/** Field description as the generated catalogue stores it. */
export interface CatalogueField {
  readonly type: string;
  readonly nullable: boolean;
  readonly writable: boolean;
  readonly enum?: readonly string[];
}

export type CatalogueModels = Readonly<
  Record<string, { readonly fields: Readonly<Record<string, CatalogueField>> }>
>;

/**
 * Models that have a class in src/models, plus the three tag link models behind `TagRelation`.
 * The other catalogue models come back as plain `Model` records, so they get no type here.
 */
export const TYPED_MODELS: readonly string[] = [
  'Advertiser',
  'AdvertisersTags',
  'Affiliate',
  'AffiliateOffer',
  'AffiliatesTags',
  'AffiliateUser',
  'Conversion',
  'Country',
  'Goal',
  'Offer',
  'OfferCategory',
  'OfferFile',
  'OffersTags',
  'Tag',
];

/**
 * Wire values per catalogue type. The API keeps numbers as strings (`"1.50000"`) but sends bare
 * numbers in some replies, booleans as `"0"`/`"1"` or JSON booleans, and some datetimes as Unix
 * seconds (`Advertiser.modified` arrives as -62169966000).
 */
const WIRE_TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  date: 'string',
  datetime: 'string | number',
  integer: 'string | number',
  decimal: 'string | number',
  boolean: "'0' | '1' | 0 | 1 | boolean",
  array: 'readonly unknown[]',
  object: 'Readonly<Record<string, unknown>>',
};

/**
 * Recorded values outside a field's catalogue type, added to its wire type. Offer records carry
 * `require_terms_and_conditions: "disabled"` although the catalogue types the field as boolean.
 */
const RECORDED_EXTRA_VALUES: Readonly<Record<string, string>> = {
  'Offer.require_terms_and_conditions': "'disabled'",
};

/**
 * Input values per catalogue type; the encoder sends booleans as 1/0 and Dates in UTC. Data types
 * also take `undefined`, which leaves the field out, so optional values can be spread in.
 */
const DATA_TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  date: 'string | Date',
  datetime: 'string | Date',
  integer: 'string | number',
  decimal: 'string | number',
  boolean: "boolean | 0 | 1 | '0' | '1'",
  array: 'readonly unknown[]',
  object: 'Readonly<Record<string, unknown>>',
};

const MAX_LINE_LENGTH = 100;
const IDENTIFIER_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function propertyName(name: string): string {
  return IDENTIFIER_PATTERN.test(name) ? name : quote(name);
}

/**
 * Builds a value type. Enum fields list their values and still accept any string, because the
 * catalogue's lists may lag behind the live API (`(string & {})` keeps editor completion).
 */
function valueType(field: CatalogueField, types: Readonly<Record<string, string>>): string {
  const base = types[field.type] ?? 'unknown';
  if (field.enum === undefined || field.enum.length === 0) return base;
  const open = base.replace(/^string\b/, '(string & {})');
  return [...field.enum.map(quote), open].join(' | ');
}

/** Renders one property, with one union member per line when the line would be too long. */
function renderProperty(name: string, type: string): string {
  const line = `  readonly ${propertyName(name)}?: ${type};`;
  if (line.length <= MAX_LINE_LENGTH) return line;
  const members = type.split(' | ').map((member) => `    | ${member}`);
  return [`  readonly ${propertyName(name)}?:`, ...members].join('\n') + ';';
}

function sortedFields(
  fields: Readonly<Record<string, CatalogueField>>,
): [string, CatalogueField][] {
  // Code-unit order, not localeCompare, so the output does not depend on the machine's locale.
  const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  return Object.entries(fields).sort(byName);
}

/**
 * Builds a field's wire type. Every field may be null, because recorded replies send null for
 * fields the catalogue calls non-nullable (`Advertiser.address1`, `Affiliate.zipcode`).
 */
function wireType(modelName: string, fieldName: string, field: CatalogueField): string {
  const extra = RECORDED_EXTRA_VALUES[`${modelName}.${fieldName}`];
  const members = [valueType(field, WIRE_TYPES), ...(extra === undefined ? [] : [extra]), 'null'];
  return members.join(' | ');
}

function renderFieldsType(name: string, fields: Readonly<Record<string, CatalogueField>>): string {
  const lines = [
    `/** ${name} record as the API sends it; a \`fields\` selection returns a subset. */`,
    `export type ${name}Fields = {`,
  ];
  for (const [fieldName, field] of sortedFields(fields)) {
    if (!field.writable) lines.push('  /** Read-only. */');
    lines.push(renderProperty(fieldName, wireType(name, fieldName, field)));
  }
  lines.push('};');
  return lines.join('\n');
}

function renderDataType(name: string, fields: Readonly<Record<string, CatalogueField>>): string {
  const lines = [
    `/** Writable ${name} fields for create and update. */`,
    `export type ${name}Data = {`,
  ];
  for (const [fieldName, field] of sortedFields(fields)) {
    if (field.writable) {
      lines.push(renderProperty(fieldName, valueType(field, DATA_TYPES) + ' | undefined'));
    }
  }
  lines.push('};');
  return lines.join('\n');
}

/**
 * Returns the text of src/generated/models.ts. These are type aliases, not interfaces, because
 * only object type aliases are assignable to the `Readonly<Record<string, unknown>>` that the base
 * `Model` class uses for records of every other model.
 */
export function renderModelTypes(models: CatalogueModels, sourceName: string): string {
  const blocks = [
    '// Generated by scripts/generate-api.ts from ' +
      sourceName +
      '. Do not edit by hand:\n' +
      '// change the generator or the catalogue and run `npm run generate`.',
  ];
  for (const name of TYPED_MODELS) {
    const model = models[name];
    if (model === undefined) throw new Error(`The catalogue has no model ${name}.`);
    blocks.push(renderFieldsType(name, model.fields), renderDataType(name, model.fields));
  }
  return blocks.join('\n\n') + '\n';
}
