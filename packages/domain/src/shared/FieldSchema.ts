/**
 * Field schemas with zh-CN messages naming the field, so no English schema message reaches a person:
 * `Text("主办单位")` (not blank, at most `max` characters), `Id("批次编号")`, and `required(schema, label)` for a
 * struct field whose absence says "缺少…".
 */
import { Schema } from "effect"

export const Text = (label: string, max = 200) =>
  Schema.String.annotations({ message: () => `${label}应为文本` }).pipe(
    Schema.filter((s) => {
      if (s.trim().length === 0) return `${label}不能为空`
      if (s.length > max) return `${label}不能超过${max}个字符`
      return true
    }),
    Schema.annotations({ title: label, description: `${label}（必填，不超过${max}个字符）` })
  )

/** An identifier (record ids, batch ids, document numbers): not blank, at most 100 characters. */
export const Id = (label: string) => Text(label, 100)

/** A struct field that must be present: its absence reads "缺少<label>". */
export const required = <S extends Schema.Schema.AnyNoContext>(schema: S, label: string) =>
  Schema.propertySignature(schema).annotations({ missingMessage: () => `缺少${label}` })
