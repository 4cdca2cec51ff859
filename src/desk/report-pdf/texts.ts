import { pickLanguage } from '../../platform/pdf/language.ts';
import type { Severity } from '../plan.model.ts';
import { da } from './locales/da.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';
import { nl } from './locales/nl.ts';
import { ru } from './locales/ru.ts';
import { sv } from './locales/sv.ts';

/** Every fixed word of the PDF report, in one language. Figures are formatted with Intl, not here. */
export interface ReportTexts {
  title: string;
  /** Between a label and its value: ": ", in French " : ". */
  colon: string;
  period: string;
  timeZone: string;
  plan: string;
  generated: string;
  figuresSoFar: string;
  figuresSoFarNote: string;
  summary: string;
  overallUptime: string;
  guarantee: string;
  allowedDowntime: string;
  actualDowntime: string;
  serviceCredit: string;
  met: string;
  missed: string;
  /** In a table column headed by the guarantee: "Met", "Missed". */
  metShort: string;
  missedShort: string;
  noGuarantee: string;
  noMonitoring: string;
  noCredit: string;
  noFee: string;
  /** "10 % of the monthly fee (uptime below 99 %)": both figures come formatted. */
  creditTier: (creditPercent: string, belowPercent: string) => string;
  dailyUptime: string;
  atOrAboveGuarantee: string;
  belowGuarantee: string;
  noData: string;
  sites: string;
  site: string;
  uptime: string;
  downtime: string;
  maintenance: string;
  notMonitored: string;
  tickets: string;
  severity: string;
  ticketCount: string;
  withinResponse: string;
  withinResolution: string;
  medianResponse: string;
  medianResolution: string;
  allSeverities: string;
  severities: Record<Severity, string>;
  noTickets: string;
  withinTarget: string;
  firstResponse: string;
  resolution: string;
  noTarget: string;
  incidents: string;
  started: string;
  duration: string;
  cause: string;
  ongoing: string;
  noIncidents: string;
  /** Under a list cut at its limit: how many incidents were left out. */
  moreIncidents: (count: string) => string;
  continued: string;
  howCounted: string;
  /** credits.model DOWNTIME_CONVENTION in this language, printed when the report carries that text. */
  convention: string;
  page: (page: string, pages: string) => string;
  units: { day: string; hour: string; minute: string; second: string };
}

/** English first: a report for a client reading any other language is written in it. */
export const REPORT_LANGUAGES = ['en', 'fr', 'sv', 'nl', 'da', 'ru'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const TEXTS: Record<ReportLanguage, ReportTexts> = { en, fr, sv, nl, da, ru };

/** `sv-SE`, `SV`, `sv_se` → `sv`; a language the report is not written in → `en`. */
export function reportLanguage(raw: string | null | undefined): ReportLanguage {
  return pickLanguage(raw, REPORT_LANGUAGES);
}

export function reportTexts(language: ReportLanguage): ReportTexts {
  return TEXTS[language];
}
