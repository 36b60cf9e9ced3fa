/** Types of `emit-schemas.mjs`, for the tests that call it. */
export declare const JSON_SCHEMA_DIALECT: string;
export declare function plainSchema(value: unknown): unknown;
export declare function toJsonSchema(schema: unknown, name: string): Record<string, unknown>;
export declare function collectSchemas(exports: Record<string, unknown>): {
  schemas: Map<string, unknown>;
  warnings: string[];
};
export declare function emitSchemas(
  exports: Record<string, unknown>,
  outDir: string,
): Promise<{ written: string[]; warnings: string[] }>;
