/**
 * The OpenAPI 3.1 document of the API, generated from the route docs and their Schemas (JSONSchema.fromAST,
 * target openApi3.1; shared definitions under components/schemas). Every operation lists its errors as
 * problem+json (RFC 9457).
 */
import { JSONSchema, Schema } from "effect"
import type { RouteDoc } from "./RouteDoc.js"

const PROBLEM = Schema.Struct({
  type: Schema.String,
  status: Schema.Number,
  code: Schema.String.annotations({ description: "机器可读的错误代码（领域错误的标签）" }),
  title: Schema.String,
  detail: Schema.String.annotations({ description: "中文说明" }),
  field: Schema.optional(Schema.String.annotations({ description: "出错的字段" }))
}).annotations({ identifier: "Problem", title: "错误（RFC 9457 problem+json）" })

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: "成功",
  201: "已创建",
  400: "请求参数有误",
  401: "未提供有效的 API 密钥",
  403: "无权执行此操作",
  404: "未找到",
  409: "与当前状态冲突",
  413: "请求内容过大",
  415: "不支持的内容类型",
  422: "不符合规定，未予办理",
  429: "请求过于频繁（见 Retry-After）",
  500: "服务器内部错误",
  503: "暂时无法提供此服务（需运维人员处理）"
}

/** "/api/batches/:batchId" → "/api/batches/{batchId}". */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")

interface JsonObject {
  [key: string]: unknown
}

const makeSchemaOf = (definitions: Record<string, JSONSchema.JsonSchema7>) => (schema: Schema.Schema.Any) =>
  JSONSchema.fromAST(schema.ast, {
    definitions,
    definitionPath: "#/components/schemas/",
    target: "openApi3.1"
  }) as unknown as JsonObject

/** The parameters of a struct schema (path or query), each with its own JSON Schema. */
const parametersOf = (
  schemaOf: (s: Schema.Schema.Any) => JsonObject,
  schema: Schema.Schema.Any,
  location: "path" | "query"
) => {
  const json = schemaOf(schema)
  const properties = (json.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((json.required ?? []) as ReadonlyArray<string>)
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property
  }))
}

const errorStatuses = (doc: RouteDoc): ReadonlyArray<number> => {
  const statuses = new Set<number>(doc.errors ?? [])
  if (doc.params !== undefined || doc.query !== undefined || doc.body !== undefined) statuses.add(400)
  if (doc.action !== undefined || doc.authenticated === true) {
    statuses.add(401)
    statuses.add(403)
  }
  if (doc.body !== undefined) statuses.add(413)
  statuses.add(500)
  return [...statuses].sort((a, b) => a - b)
}

export const openApiDocument = (docs: ReadonlyArray<RouteDoc>, info: { readonly version: string }) => {
  const definitions: Record<string, JSONSchema.JsonSchema7> = {}
  const schemaOf = makeSchemaOf(definitions)
  const problemRef = schemaOf(PROBLEM)
  const paths: Record<string, Record<string, unknown>> = {}
  for (const doc of docs) {
    const parameters = [
      ...(doc.params === undefined ? [] : parametersOf(schemaOf, doc.params, "path")),
      ...(doc.query === undefined ? [] : parametersOf(schemaOf, doc.query, "query"))
    ]
    const responses: Record<string, unknown> = {
      [String(doc.success.status)]: {
        description: doc.success.description,
        ...(doc.success.schema === undefined
          ? {}
          : { content: { "application/json": { schema: schemaOf(doc.success.schema) } } })
      }
    }
    for (const status of errorStatuses(doc))
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? "错误",
        content: { "application/problem+json": { schema: problemRef } }
      }
    const body =
      doc.body === undefined
        ? undefined
        : (() => {
            const schema = schemaOf(doc.body)
            return {
              required: true,
              content: Object.fromEntries(
                ["application/json", ...(doc.bodyMediaTypes ?? [])].map((type) => [type, { schema }])
              )
            }
          })()
    const path = openApiPath(doc.path)
    paths[path] = {
      ...paths[path],
      [doc.method]: {
        operationId: `${doc.method}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
        summary: doc.summary,
        ...(doc.description === undefined ? {} : { description: doc.description }),
        tags: [doc.tag],
        ...(doc.action === undefined && doc.authenticated !== true
          ? { security: [] }
          : { security: [{ apiKey: [] }] }),
        ...(doc.action === undefined ? {} : { "x-jineng-action": doc.action }),
        ...(parameters.length === 0 ? {} : { parameters }),
        ...(body === undefined ? {} : { requestBody: body }),
        responses
      }
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "技能（Jineng）江苏省技能人才评价 API",
      version: info.version,
      description:
        "依据《关于进一步加强技能人才评价工作的通知》（苏人社办函〔2022〕54号）：证书查询、评价机构目录、评价批次、竞赛备案、证书注销与质量监管。错误均为 application/problem+json（RFC 9457）。"
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: definitions,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "本单位的 API 密钥：Authorization: Bearer jn_…"
        }
      }
    }
  }
}
