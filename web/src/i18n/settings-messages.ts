/** Strings of the settings pages (users, API tokens), by language (English complete). */
export const settingsEn = {
  'nav.settings': 'Settings',
} as const;

type Partial_ = Partial<Record<keyof typeof settingsEn, string>>;
export const settingsFr: Partial_ = { 'nav.settings': 'Réglages' };
export const settingsSv: Partial_ = { 'nav.settings': 'Inställningar' };
export const settingsNl: Partial_ = { 'nav.settings': 'Instellingen' };
export const settingsDa: Partial_ = { 'nav.settings': 'Indstillinger' };
export const settingsRu: Partial_ = { 'nav.settings': 'Настройки' };
