/** Strings of the import wizard, by language (English complete; others fall back to it). */
export const importEn = {
  'nav.import': 'Import',
} as const;

export const importFr: Partial<Record<keyof typeof importEn, string>> = { 'nav.import': 'Importer' };
export const importSv: Partial<Record<keyof typeof importEn, string>> = { 'nav.import': 'Importera' };
export const importNl: Partial<Record<keyof typeof importEn, string>> = { 'nav.import': 'Importeren' };
export const importDa: Partial<Record<keyof typeof importEn, string>> = { 'nav.import': 'Importér' };
export const importRu: Partial<Record<keyof typeof importEn, string>> = { 'nav.import': 'Импорт' };
