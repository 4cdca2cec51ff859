/** Strings of the asset detail page, by language (English complete; others fall back to it). */
export const assetEn = {
  'asset.title': 'Asset',
} as const;

type Partial_ = Partial<Record<keyof typeof assetEn, string>>;
export const assetFr: Partial_ = { 'asset.title': 'Service' };
export const assetSv: Partial_ = { 'asset.title': 'Tjänst' };
export const assetNl: Partial_ = { 'asset.title': 'Dienst' };
export const assetDa: Partial_ = { 'asset.title': 'Tjeneste' };
export const assetRu: Partial_ = { 'asset.title': 'Услуга' };
