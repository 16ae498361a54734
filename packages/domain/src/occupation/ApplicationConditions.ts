/**
 * 申报条件 of a national standard, as data (54号·一: review against "相应国家职业技能标准或企业行业评价规范").
 * Each level has alternatives ("具备以下条件之一者"); an alternative is a conjunction of requirements. Years are
 * cumulative in this or a related occupation and include the stated number ("N年(含)以上"). The default is
 * the common template of the 2018 技术规程 era (rules-research §3.1, SECONDARY); a standard stores its own.
 */
import type { SkillLevel } from "../codes/SkillLevel.js"

/** Kinds of school in the school routes (rules-research §3.1). */
export type SchoolKind =
  /** 技工学校 */
  | "technical_school"
  /** 经评估论证、以中级技能为培养目标的中等及以上职业学校 */
  | "vocational_school_intermediate"
  /** 高级技工学校 */
  | "senior_technical_school"
  /** 技师学院 */
  | "technician_college"
  /** 经评估论证、以高级技能为培养目标的高等职业学校 */
  | "higher_vocational_advanced"
  /** 大学专科 (大专) */
  | "junior_college"
  /** 大学本科 */
  | "bachelor"
  /** 硕士研究生及以上 */
  | "master"

export interface SchoolRequirement {
  /** Any of these kinds, in this or a related specialty (本专业或相关专业). */
  readonly kinds: ReadonlyArray<SchoolKind>
  /** 含尚未取得毕业证书的在校应届毕业生 */
  readonly graduatingStudentsCount: boolean
}

/** One alternative: every requirement present must be met. */
export interface ConditionAlternative {
  /** Stable id within the standard, e.g. "L4-2". */
  readonly id: string
  /** The standard's wording (zh-CN). */
  readonly text: string
  /** A prior certificate (职业资格证书或职业技能等级证书) of this level or higher, this or a related occupation. */
  readonly priorLevel?: SkillLevel
  /** Minimum cumulative years of work in this or a related occupation, inclusive. */
  readonly minWorkYears?: number
  /** "取得…证书后，累计从事…": only work after the prior certificate's issue date counts. Default: all work. */
  readonly yearsCountedFrom?: "prior_certificate"
  readonly school?: SchoolRequirement
  /** 本职业或相关职业学徒期满 */
  readonly apprenticeshipCompleted?: boolean
  /** 预备技师证书 (技师学院) */
  readonly preparatoryTechnicianCertificate?: boolean
  /** Minimum age in full years on the application date. */
  readonly minAge?: number
}

export interface LevelConditions {
  readonly level: SkillLevel
  readonly alternatives: ReadonlyArray<ConditionAlternative>
}

/** The common 申报条件 template (rules-research §3.1), the default when a standard stores none. */
export const TEMPLATE_2018: ReadonlyArray<LevelConditions> = [
  {
    level: 5,
    alternatives: [
      { id: "L5-1", text: "累计从事本职业或相关职业工作1年（含）以上", minWorkYears: 1 },
      { id: "L5-2", text: "本职业或相关职业学徒期满", apprenticeshipCompleted: true }
    ]
  },
  {
    level: 4,
    alternatives: [
      {
        id: "L4-1",
        text: "取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作4年（含）以上",
        priorLevel: 5,
        minWorkYears: 4,
        yearsCountedFrom: "prior_certificate"
      },
      { id: "L4-2", text: "累计从事本职业或相关职业工作6年（含）以上", minWorkYears: 6 },
      {
        id: "L4-3",
        text: "取得技工学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）；或取得经评估论证、以中级技能为培养目标的中等及以上职业学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）",
        school: {
          kinds: ["technical_school", "vocational_school_intermediate"],
          graduatingStudentsCount: true
        }
      }
    ]
  },
  {
    level: 3,
    alternatives: [
      {
        id: "L3-1",
        text: "取得本职业或相关职业四级/中级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作5年（含）以上",
        priorLevel: 4,
        minWorkYears: 5,
        yearsCountedFrom: "prior_certificate"
      },
      {
        id: "L3-2",
        text: "取得四级/中级工职业资格证书（技能等级证书），并具有高级技工学校、技师学院毕业证书（含尚未取得毕业证书的在校应届毕业生）；或取得四级/中级工职业资格证书（技能等级证书），并具有经评估论证、以高级技能为培养目标的高等职业学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）",
        priorLevel: 4,
        school: {
          kinds: ["senior_technical_school", "technician_college", "higher_vocational_advanced"],
          graduatingStudentsCount: true
        }
      },
      {
        id: "L3-3",
        text: "具有大专及以上本专业或相关专业毕业证书，并取得本职业或相关职业四级/中级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作2年（含）以上",
        priorLevel: 4,
        minWorkYears: 2,
        yearsCountedFrom: "prior_certificate",
        school: { kinds: ["junior_college", "bachelor", "master"], graduatingStudentsCount: false }
      }
    ]
  },
  {
    level: 2,
    alternatives: [
      {
        id: "L2-1",
        text: "取得本职业或相关职业三级/高级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作4年（含）以上",
        priorLevel: 3,
        minWorkYears: 4,
        yearsCountedFrom: "prior_certificate"
      },
      {
        id: "L2-2",
        text: "取得本职业或相关职业三级/高级工职业资格证书（技能等级证书）的高级技工学校、技师学院毕业生，累计从事本职业或相关职业工作3年（含）以上",
        priorLevel: 3,
        minWorkYears: 3,
        school: { kinds: ["senior_technical_school", "technician_college"], graduatingStudentsCount: false }
      },
      {
        id: "L2-3",
        text: "取得本职业或相关职业预备技师证书的技师学院毕业生，累计从事本职业或相关职业工作2年（含）以上",
        minWorkYears: 2,
        preparatoryTechnicianCertificate: true,
        school: { kinds: ["technician_college"], graduatingStudentsCount: false }
      }
    ]
  },
  {
    level: 1,
    alternatives: [
      {
        id: "L1-1",
        text: "取得本职业或相关职业二级/技师职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作4年（含）以上",
        priorLevel: 2,
        minWorkYears: 4,
        yearsCountedFrom: "prior_certificate"
      }
    ]
  }
]

export const conditionsFor = (
  conditions: ReadonlyArray<LevelConditions>,
  level: SkillLevel
): LevelConditions | undefined => conditions.find((c) => c.level === level)
