/** Strings of the desk's monthly reports (English complete). */
export const deskReportEn = {
} as const;

type Messages = Partial<Record<keyof typeof deskReportEn | `${keyof typeof deskReportEn}.${Intl.LDMLPluralRule}`, string>>;

export const deskReportFr: Messages = {};
export const deskReportSv: Messages = {};
export const deskReportNl: Messages = {};
export const deskReportDa: Messages = {};
export const deskReportRu: Messages = {};
