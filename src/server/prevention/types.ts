import type { Day } from "./days";

/**
 * The vocabulary of the prevention engine: what it reads of a person (facts), what a calendar
 * says (rules, as data), and what it answers (items). Shared by the engine, the command, the
 * pages and the FHIR API.
 */

/** Vaccines as the calendar counts them (one kind per product family, whatever the code system). */
export type VaccineKind =
  | "hexa"
  | "dtcap"
  | "dtp"
  | "pcv"
  | "menb"
  /** Rotavirus, monovalent (Rotarix: two doses) and pentavalent (RotaTeq: three doses). */
  | "rota1"
  | "rota5"
  | "menacwy"
  | "menc"
  | "ror"
  | "hpv"
  | "flu"
  | "covid"
  | "zoster"
  | "rsv"
  /**
   * Nirsevimab (Beyfortus): not a vaccine but a monoclonal antibody given to infants against RSV.
   * Recorded as an Immunization, as the carnet de santé records it among the immunisations, and
   * counted apart from the RSV vaccines (an infant's dose is no adult's RSV vaccination).
   */
  | "nirsevimab";

export type ConditionKind = "asthma" | "severe-asthma" | "copd" | "diabetes" | "heart-failure" | "immunocompromised" | "pregnancy";

export type ProcedureKind = "mammography" | "fit" | "colonoscopy" | "cytology" | "hpv-test" | "bilan" | "child-exam" | "dental";

export type Sex = "female" | "male" | "other" | "unknown";

export type PreventionFacts = {
  birthDate: Day;
  sex: Sex;
  /** Active conditions (a resolved one is not a fact any more). */
  conditions: ReadonlySet<ConditionKind>;
  /** First day of the current pregnancy, when one is recorded and still running. */
  pregnancyStart?: Day;
  /**
   * Completed vaccinations, in any order: the statuses and days do not depend on it, but a reason
   * names two entries of the same day in the order they come (recommend-kept.property.test.ts
   * found it for screenings), so the same record should come in the same order.
   */
  immunizations: readonly { kind: VaccineKind; date: Day }[];
  /** Completed screenings and check-ups, in any order, as above. */
  procedures: readonly { kind: ProcedureKind; date: Day }[];
};

export type Status = "DUE" | "OVERDUE" | "NOT_DUE" | "COMPLETE" | "NOT_APPLICABLE";

export type Source = { document: string; edition: string; url: string };

/** The themes a person can silence one by one ("Ne plus me le rappeler"). */
export type Theme = "vaccination-enfant" | "vaccination-adulte" | "vaccination-saisonniere" | "depistage" | "bilan" | "suivi-enfant";

/** One answer of the engine. The command prints the contract's fields of it (see to-output.ts). */
export type PreventionItem = {
  item: string;
  status: Status;
  /** When it became or becomes due. */
  due?: Day;
  /** When the following one falls, once this one is done (or now that it is done). */
  next?: Day;
  /** The dose number to give next, for series. */
  dose?: number;
  /** Required by law for this child (born on or after the rule's date). */
  mandatory?: boolean;
  /**
   * Not applicable yet, for her age only: the day she enters the population (a catch-up from 15
   * or 18 years); or, for a screening of the other sex, the day its age band begins. Lets the
   * page leave it out as it does what begins more than five years ahead.
   */
  appliesFrom?: Day;
  reason: string;
  source: Source;
  /** Shown to the person: what it is, in plain French. */
  label: string;
  theme: Theme;
  /** What "C'est fait" records: a vaccine or a procedure kind. */
  records: { vaccine: VaccineKind } | { procedure: ProcedureKind };
};

/**
 * What a campaign is for: flu and COVID-19 each autumn, and COVID-19 again each spring for the
 * people whose protection fades fastest.
 */
export type CampaignKind = "FLU" | "COVID" | "COVID_SPRING" | "RSV";

/**
 * A flu, COVID-19 or RSV campaign: the vaccines are only due between these days (both included).
 * `name`: how the reasons name it (« la campagne de printemps 2025 »), else by its id
 * (« la campagne 2025-2026 »). `bornFrom` (RSV): the infants born from this day are in their first
 * season during this campaign (those born during it, and the catch-up of those born since).
 */
export type Campaign = { id: string; name?: string; vaccines: readonly CampaignKind[]; start: Day; end: Day; source: Source; provisional?: boolean; bornFrom?: Day };

type RuleBase = { item: string; label: string; theme: Theme; source: Source };

/** Infant doses at target ages in months; a range's last month in `to`. */
export type InfantSeriesRule = RuleBase & {
  kind: "infant-series";
  vaccines: readonly VaccineKind[];
  doses: readonly { month: number; to?: number }[];
  /** Not offered any more once the child is this many months old without the full series. */
  untilMonths: number;
  /** Only doses given from this age in months count (an MMR dose before 12 months does not). */
  countsFromMonths?: number;
  /** One dose given from this age in months completes the series (MenACWY from 12 months). */
  oneDoseFromMonths?: number;
  /**
   * Once a dose of this vaccine is recorded, the series is these doses instead, `why` saying so
   * (rotavirus: three doses with the pentavalent vaccine, two with the monovalent one).
   */
  longerWith?: { vaccine: VaccineKind; doses: readonly { month: number; to?: number }[]; why: string; /** Its series' end, when later than the rule's. */ untilMonths?: number };
  /** Not caught up once past `untilMonths` (rotavirus): the item says so, not that the doctor decides a catch-up. */
  noCatchUp?: true;
  /**
   * The first dose may be given up to this age in months (rotavirus: 4). Between the first dose's
   * month and this age it is to do, not late; past this age without it, the series is not started.
   */
  firstDoseUntilMonths?: number;
  /** Children born on or after this day must have it (Code de la santé publique, L3111-2). */
  mandatoryFrom?: Day;
  /** Recommended for children born on or after this day only. */
  bornFrom?: Day;
};

/** One booster in a range of years of age (6 years; 11 to 13 years). */
export type ChildBoosterRule = RuleBase & {
  kind: "child-booster";
  vaccines: readonly VaccineKind[];
  fromYears: number;
  toYears: number;
  /** A dose from this age on counts for it. */
  countsFromYears: number;
  /** Past this age without it, the next rule of the calendar takes over. */
  untilYears: number;
};

/** Adult boosters at fixed ages, with the calendar's catch-up rules. */
export type AdultBoosterRule = RuleBase & {
  kind: "adult-booster";
  vaccines: readonly VaccineKind[];
  fixedAges: readonly number[];
  /**
   * The next fixed age must come more than this many years after the last dose, or the one
   * after it is the next. (The calendar's other rule, a booster at once when more than 25 years,
   * or 15 after 65, separate the last dose from the next fixed age, comes to the same thing as
   * "the next fixed age has passed", given the spacing of the fixed ages: see adult-booster.ts.)
   */
  minYears: number;
};

/** A course of doses for an age band (HPV: 2 doses from 11 to 14, 3 doses in catch-up). */
export type CourseRule = RuleBase & {
  kind: "course";
  vaccines: readonly VaccineKind[];
  schedules: readonly { fromYears: number; toYears: number; offsetsMonths: readonly number[] }[];
};

/** Who is at risk, for eligibility rules. */
export type Eligibility = {
  fromYears?: number;
  toYears?: number;
  /** Any of these conditions opens it from `riskFromYears`. */
  conditions?: readonly ConditionKind[];
  riskFromYears?: number;
  bornFrom?: Day;
  sex?: Sex;
};

/** Due as soon as eligible, never overdue: PCV20, shingles, RSV, catch-ups. */
export type EligibilityRule = RuleBase & {
  kind: "eligibility";
  vaccines: readonly VaccineKind[];
  who: Eligibility;
  /** Doses needed, and the months between them. */
  doses: number;
  intervalMonths?: number;
  /** Only doses from this age count. */
  countsFromYears?: number;
  /** A catch-up: before its band the person is not concerned (the routine rule covers them). */
  catchUp?: boolean;
  /** A live vaccine: not given during a pregnancy, due again after the birth (evaluators/eligibility.ts). */
  notInPregnancy?: true;
};

/** Flu and COVID-19: once per campaign, for the people the calendar lists. */
export type SeasonalRule = RuleBase & {
  kind: "seasonal";
  campaign: CampaignKind;
  vaccines: readonly VaccineKind[];
  who: Eligibility;
  /** Minimum months since the last dose (COVID-19): the first rule whose condition holds. */
  intervals?: readonly { months: number; fromYears?: number; conditions?: readonly ConditionKind[] }[];
  /** No dose before this age in months, whatever the risk (the vaccines are given from 6 months). */
  fromMonths?: number;
  /**
   * Every child of these ages too, at risk or not (flu: 2 to 17 years, evaluators/seasonal.ts),
   * with the source that added them and what the reason says of it.
   */
  children?: { fromYears: number; toYears: number; source: Source; note: string };
};

/** Organised screening: the first at the band's start, then a test every N years. */
export type ScreeningRule = RuleBase & {
  kind: "screening";
  who: Eligibility & { fromYears: number; toYears: number };
  /** What each test counts for: years until the next one. */
  tests: readonly { procedure: ProcedureKind; everyYears: number }[];
  overdueAfterMonths: number;
};

/** The cervical programme: cytology from 25 to 29 (second at one year), HPV test from 30 to 65. */
export type CervicalRule = RuleBase & {
  kind: "cervical";
  fromYears: number;
  hpvFromYears: number;
  toYears: number;
  overdueAfterMonths: number;
};

/** Once in each band of age ("Mon bilan prévention"). */
export type BandsRule = RuleBase & {
  kind: "bands";
  procedure: ProcedureKind;
  bands: readonly { fromYears: number; toYears: number }[];
};

/** Visits at set ages, each within a window of months (children's examinations, dental check-ups). */
export type VisitsRule = RuleBase & {
  kind: "visits";
  procedure: ProcedureKind;
  visits: readonly { fromMonths: number; toMonths: number; label: string }[];
};

/**
 * A vaccination in each pregnancy, counted in weeks of amenorrhoea from the pregnancy's first day
 * (pertussis: from 20 weeks, preferably before the end of the 36th). A dose given since that day
 * counts for this pregnancy; none before it does.
 */
export type PregnancyRule = RuleBase & {
  kind: "pregnancy";
  vaccines: readonly VaccineKind[];
  fromWeeks: number;
  /** The last week of the period the recommendation prefers: past it the reason says so. */
  preferredToWeeks: number;
  /** What the vaccination protects, in the reasons (« contre la coqueluche »). */
  against: string;
  /**
   * Only during a campaign and only up to the end of this week of amenorrhoea (RSV: from 32 to 36
   * weeks, from September to the campaign's end): evaluators/pregnancy-season.ts.
   */
  season?: { campaign: CampaignKind; toWeeks: number };
};

/**
 * An infant's protection for their first season of a virus (RSV: one dose of nirsevimab), due
 * during the first campaign whose `bornFrom` the birth reaches (evaluators/first-season.ts).
 */
export type FirstSeasonRule = RuleBase & {
  kind: "first-season";
  vaccines: readonly VaccineKind[];
  campaign: CampaignKind;
};

export type Rule =
  | InfantSeriesRule
  | PregnancyRule
  | FirstSeasonRule
  | ChildBoosterRule
  | AdultBoosterRule
  | CourseRule
  | EligibilityRule
  | SeasonalRule
  | ScreeningRule
  | CervicalRule
  | BandsRule
  | VisitsRule;

export type Calendar = {
  id: string;
  title: string;
  rules: readonly Rule[];
  campaigns: readonly Campaign[];
};
