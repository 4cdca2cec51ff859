import { useI18n } from '../i18n/i18n.tsx';

export function ImportPage() {
  const { t } = useI18n();
  return <h1>{t('nav.import')}</h1>;
}
