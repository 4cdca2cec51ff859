import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * How the routes' zod schemas become the OpenAPI document. fastify-type-provider-zod converts a
 * bare schema per status code; a response may also be written as `{ description, content }` with
 * a schema per content type (problem+json, the CSV export), and those are converted here.
 * Schemas with a `.meta({ id })` become named components, referred to with `$ref`.
 */
type JsonSchema = Record<string, unknown>;
type MediaTypes = Record<string, { schema: unknown }>;

const DEFAULT_DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created', 204: 'No content', 503: 'Not ready' };

export const openapiTransform: SwaggerTransform = (input) => {
  const { response, ...rest } = input.schema as { response?: Record<string, unknown> };
  const transformed = jsonSchemaTransform({ ...input, schema: rest });
  if (!response || (transformed.schema as { hide?: boolean }).hide) return transformed;

  const toJson = (status: string, schema: z.ZodType): JsonSchema => {
    const converted = jsonSchemaTransform({ ...input, schema: { response: { [status]: schema } } }).schema.response as Record<string, JsonSchema>;
    return withoutIdentity(converted[status]!);
  };
  const responses: Record<string, unknown> = {};
  for (const [status, entry] of Object.entries(response)) {
    if (entry instanceof z.ZodType) {
      const description = z.globalRegistry.get(entry)?.description ?? DEFAULT_DESCRIPTIONS[status] ?? 'Response';
      responses[status] = withDescription(toJson(status, entry), description);
    } else {
      const { content, ...meta } = entry as { content: MediaTypes };
      const media = Object.entries(content).map(([type, { schema }]) => [type, { schema: schema instanceof z.ZodType ? toJson(status, schema) : schema }]);
      responses[status] = { ...meta, content: Object.fromEntries(media) };
    }
  }
  return { ...transformed, schema: { ...transformed.schema, response: responses } };
};

/**
 * @fastify/swagger takes a response's description from its schema. Beside a `$ref` a plain
 * `description` is used for the response and dropped from the schema; anywhere else the
 * `x-response-description` keyword says the same without adding to the schema.
 */
function withDescription(schema: JsonSchema, description: string): JsonSchema {
  if (typeof schema.description === 'string') return schema;
  return '$ref' in schema ? { ...schema, description } : { ...schema, 'x-response-description': description };
}

/**
 * The converter leaves `$schema` and a placeholder `$id` on the schemas it makes (and a component's
 * own address as its `$id`): noise in OpenAPI 3.1, where a fragment as `$id` is not even valid.
 */
function withoutIdentity(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

const COMPONENT_REF = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * The named schemas as components, keeping only those the document refers to: the zod
 * registry yields an input and an output version of each, and only one is ever used.
 */
export const openapiTransformObject: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = document.components?.schemas ?? {};
  const refsIn = (value: unknown) => [...JSON.stringify(value ?? null).matchAll(COMPONENT_REF)].map((m) => m[1]!);
  const used = new Set<string>();
  const pending = refsIn(document.paths);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (used.has(name) || !(name in schemas)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  const kept = Object.fromEntries(Object.entries(schemas).flatMap(([name, schema]) => (used.has(name) ? [[name, withoutIdentity(schema as JsonSchema)]] : [])));
  return { ...document, components: { ...document.components, schemas: kept } } as ReturnType<SwaggerTransformObject>;
};
