/** Schema for PhoneNumber (landline with area code, mobile, or 5-digit service number). */
import { Schema } from "effect"
import { isPhoneNumber, PHONE_NUMBER_MESSAGE } from "./PhoneNumber.js"

export const PhoneNumber = Schema.String.annotations({ message: () => "电话号码应为文本" }).pipe(
  Schema.filter((s) => isPhoneNumber(s) || PHONE_NUMBER_MESSAGE, {
    identifier: "PhoneNumber",
    description: "联系电话，如 025-83271773"
  })
)
