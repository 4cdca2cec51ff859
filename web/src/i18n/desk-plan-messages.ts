/** Strings of the desk's plan and calendar settings (English complete). */
export const deskPlanEn = {
} as const;

type Messages = Partial<Record<keyof typeof deskPlanEn | `${keyof typeof deskPlanEn}.${Intl.LDMLPluralRule}`, string>>;

export const deskPlanFr: Messages = {};
export const deskPlanSv: Messages = {};
export const deskPlanNl: Messages = {};
export const deskPlanDa: Messages = {};
export const deskPlanRu: Messages = {};
