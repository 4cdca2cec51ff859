import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** Where a person lands when their role does not open a page: what happened and a way back. */
export function NotAllowed() {
  const { t } = useI18n();
  return (
    <section className="card narrow not-allowed">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.text')}</p>
      <Link to="/">{t('notAllowed.home')}</Link>
    </section>
  );
}
