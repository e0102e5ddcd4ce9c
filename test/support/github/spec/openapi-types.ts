/** The parts of an OpenAPI 3.0 document the stand-in reads. */
export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
  "x-multi-segment"?: boolean;
}

export interface OpenApiReference {
  $ref: string;
}

export interface OpenApiMediaType {
  schema?: unknown;
}

export interface OpenApiRequestBody {
  required?: boolean;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiResponse {
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | OpenApiReference)[];
  requestBody?: OpenApiRequestBody | OpenApiReference;
  responses: Record<string, OpenApiResponse | OpenApiReference>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>> & {
  parameters?: (OpenApiParameter | OpenApiReference)[];
};

export interface OpenApiDocument {
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, unknown>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, OpenApiResponse>;
    requestBodies?: Record<string, OpenApiRequestBody>;
  };
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isReference(value: unknown): value is OpenApiReference {
  return typeof value === "object" && value !== null && "$ref" in value;
}
