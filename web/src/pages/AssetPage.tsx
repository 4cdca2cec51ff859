import { useI18n } from '../i18n/i18n.tsx';

export function AssetPage() {
  const { t } = useI18n();
  return <h1>{t('asset.title')}</h1>;
}
