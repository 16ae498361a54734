/**
 * Public certificate lookup with two factors (domain.md §2): certificate number + name, or ID number + name.
 * An unknown number and a wrong name get the same 404 after the same work (one indexed read, then a name
 * comparison), so the answer tells nothing about which factor was wrong.
 */
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import {
  normaliseResidentId,
  residentIdMessage,
  residentIdProblem
} from "@jineng/domain/codes/ResidentIdNumber"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import type { AppRuntime } from "../AppRuntime.js"
import { certificateView } from "../http/CertificateView.js"
import { problem, TITLES } from "../http/Problem.js"

const NOT_FOUND = {
  code: "CertificateNotFound",
  title: "未查询到证书",
  detail: "未查询到与所填信息一致的证书，请核对证书编号（或身份证号）与姓名"
} as const

const sameName = (a: string, b: string) => a.trim() === b.trim()

export const publicCertificates = (runtime: AppRuntime, verificationBase: string) =>
  new Hono().get("/lookup", async (c) => {
    const number = c.req.query("number")?.trim()
    const idNumberInput = c.req.query("idNumber")
    const name = c.req.query("name")
    if (name === undefined || name.trim().length === 0 || name.length > 50)
      return problem(c, 400, {
        code: "NameRequired",
        title: TITLES.badRequest,
        detail: "请填写持证人姓名（不超过50个字符）",
        field: "name"
      })
    if ((number === undefined) === (idNumberInput === undefined))
      return problem(c, 400, {
        code: "LookupFactorRequired",
        title: TITLES.badRequest,
        detail: "请填写证书编号或身份证号之一，并同时填写姓名",
        field: "number"
      })
    if (number !== undefined) {
      const bad = certificateNumberProblem(number)
      if (bad !== undefined)
        return problem(c, 400, {
          code: "InvalidCertificateNumber",
          title: TITLES.badRequest,
          detail: certificateNumberMessage(bad),
          field: "number"
        })
      const found = await runtime.runPromise(
        Effect.flatMap(CertificateRepository, (repo) => repo.findByNumber(number))
      )
      const certificate = Option.filter(found, (x) => sameName(x.holder.name, name))
      return Option.isNone(certificate)
        ? problem(c, 404, NOT_FOUND)
        : c.json({ certificates: [certificateView(certificate.value, verificationBase)] }, 200)
    }
    const idNumber = normaliseResidentId(idNumberInput ?? "")
    const bad = residentIdProblem(idNumber)
    if (bad !== undefined)
      return problem(c, 400, {
        code: "InvalidResidentId",
        title: TITLES.badRequest,
        detail: residentIdMessage(bad),
        field: "idNumber"
      })
    const all = await runtime.runPromise(
      Effect.flatMap(CertificateRepository, (repo) => repo.findByHolderId(idNumber))
    )
    const mine = all.filter((x) => sameName(x.holder.name, name))
    return mine.length === 0
      ? problem(c, 404, NOT_FOUND)
      : c.json({ certificates: mine.map((x) => certificateView(x, verificationBase)) }, 200)
  })
