/** Valid resident ID numbers for tests, made with the domain's own check character (GB 11643). */
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"

export const residentId = (region: string, birth: string, serial: number): string => {
  const first17 = `${region}${birth}${String(serial).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}
