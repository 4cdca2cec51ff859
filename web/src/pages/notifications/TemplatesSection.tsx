import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LOCALES, useI18n, type Locale } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../settings/parts.tsx';
import { AUDIENCES, EVENT_TYPES, getTemplate, KEYS, type TemplateKey } from './api.ts';
import { SectionHead } from './parts.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

/** Message templates per event type × audience × language: read, preview live, replace with the agency's wording, go back. */
export function TemplatesSection() {
  const { t, locale } = useI18n();
  const [key, setKey] = useState<TemplateKey>({ eventType: 'incident.opened', audience: 'staff', locale });
  const template = useQuery({ queryKey: [...KEYS.templates, key], queryFn: () => getTemplate(key) });
  return (
    <section className="settings-section" aria-labelledby="templates-heading">
      <SectionHead id="templates-heading" title={t('notif.templates.title')} intro={t('notif.templates.intro')} />
      <div className="filters" role="group" aria-label={t('notif.templates.which')}>
        <label>
          {t('notif.templates.eventType')}
          <select value={key.eventType} onChange={(e) => setKey({ ...key, eventType: e.target.value as TemplateKey['eventType'] })}>
            {EVENT_TYPES.map((type) => <option key={type} value={type}>{t(`notif.event.${type}`)}</option>)}
          </select>
        </label>
        <label>
          {t('notif.templates.audience')}
          <select value={key.audience} onChange={(e) => setKey({ ...key, audience: e.target.value as TemplateKey['audience'] })}>
            {AUDIENCES.map((a) => <option key={a} value={a}>{t(`notif.audience.${a}`)}</option>)}
          </select>
        </label>
        <label>
          {t('notif.templates.language')}
          <select value={key.locale} onChange={(e) => setKey({ ...key, locale: e.target.value as Locale })}>
            {Object.entries(LOCALES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
      </div>
      <ProblemAlert error={template.error} />
      {template.isPending && <p className="loading">{t('common.loading')}</p>}
      {template.data && <TemplateEditor key={`${key.eventType}|${key.audience}|${key.locale}`} templateKey={key} template={template.data} />}
    </section>
  );
}
