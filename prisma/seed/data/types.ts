/** Shapes of the seed catalogue: plain data, no Prisma types, so tests can read it too. */

export type CityCode = "jinan" | "zibo" | "taian" | "liaocheng" | "dezhou" | "binzhou" | "dongying";

export type UnitKind = "CITY_GOVERNMENT" | "PROVINCIAL_DEPARTMENT" | "MUNICIPAL_DEPARTMENT" | "OTHER";

export interface CitySeed {
  code: CityCode;
  nameZh: string;
  nameEn: string;
}

export interface UnitSeed {
  /** Stable code, e.g. "jinan-gov", "prov-dot" (provincial transport department). */
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
  /** Null for provincial bodies, which serve the whole circle. */
  city: CityCode | null;
}

export interface SourceDocumentSeed {
  code: string;
  kind: "DOCUMENT" | "MEETING";
  titleZh: string;
  titleEn: string;
  issuerZh: string;
  issuerEn: string;
  /** ISO date (YYYY-MM-DD). */
  issuedOn: string;
  /** ISO date for events spanning several days. */
  endsOn?: string;
  summaryZh: string;
  summaryEn: string;
}

export interface ProgrammeSeed {
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

export interface AreaSeed {
  code: string;
  programme: string;
  titleZh: string;
  titleEn: string;
}

/**
 * A measure of the article. Title and description restate the article (fact);
 * everything under `sample` is invented demo data and is flagged as such.
 */
export interface MeasureSeed {
  code: string;
  area: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cities: CityCode[];
  sources: string[];
  sample: {
    leadUnit: string;
    cooperatingUnits: string[];
    responsiblePerson: string;
    /** ISO dates. */
    startDate: string;
    dueDate: string;
    kpi?: { nameZh: string; nameEn: string; unit: string; baseline: number; target: number };
    /** 万元 (10,000 CNY). */
    investmentPlanned?: number;
    milestones: { titleZh: string; titleEn: string; dueDate: string }[];
  };
}
