import type { LocalePack } from '../pack.ts';

export const ru: LocalePack = {
  yes: 'да',
  no: 'нет',
  none: '—',
  acknowledge: 'Подтвердить',
  open: 'Открыть в Upkeep',
  severity: { critical: 'критическая', high: 'высокая', medium: 'средняя', low: 'низкая', info: 'инфо' },
  digest: { subject: 'Уведомлений от {{agencyName}}: {{count}}', intro: 'Здравствуйте, {{recipientName}}! Вот что произошло:' },
  test: { subject: 'Тестовое сообщение от {{agencyName}}', text: 'Это тестовое сообщение для канала {{channelName}}. Если вы его читаете, канал работает.' },
  templates: {
    'incident.opened': {
      staff: { subject: 'Недоступен: {{monitorName}}', text: '{{monitorName}} ({{target}}) недоступен с {{startedAt}}.\nПричина: {{cause}}' },
      client: { subject: 'Сбой в работе: {{monitorName}}', text: 'Здравствуйте, {{recipientName}}!\n\nС {{startedAt}} мы наблюдаем проблему с {{monitorName}} и уже работаем над ней. Мы будем держать вас в курсе.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Обновление: {{monitorName}}', text: '{{monitorName}} ({{target}}): {{message}}' },
      client: { subject: 'Новости о {{monitorName}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Устранено: {{monitorName}}', text: '{{monitorName}} ({{target}}) снова работает с {{resolvedAt}}; простой: {{downtime}}.' },
      client: { subject: 'Устранено: {{monitorName}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{monitorName}} снова работает нормально с {{resolvedAt}}. Сбой длился {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Сертификат истекает через {{daysLeft}} дн.: {{host}}', text: 'TLS-сертификат {{host}} ({{monitorName}}, выдан {{issuer}}) истекает {{validTo}}.' },
      client: { subject: 'Скоро истекает сертификат безопасности {{host}}', text: 'Здравствуйте, {{recipientName}}!\n\nСертификат безопасности {{host}} истекает {{validTo}}, через {{daysLeft}} дн. Мы позаботимся о его продлении.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Домен истекает через {{daysLeft}} дн.: {{domain}}', text: '{{domain}} истекает {{expiresOn}} (регистратор: {{registrar}}).' },
      client: { subject: 'Ваш домен {{domain}} истекает {{expiresOn}}', text: 'Здравствуйте, {{recipientName}}!\n\nВаш домен {{domain}} истекает {{expiresOn}}, через {{daysLeft}} дн. Сообщите нам, нужно ли его продлить.\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'Опаздывает: {{monitorName}}', text: '{{monitorName}} не вышел на связь. Ожидался до {{expectedBy}}; последний сигнал {{lastPingAt}}.' },
      client: { subject: 'Плановая задача опаздывает: {{monitorName}}', text: 'Здравствуйте, {{recipientName}}!\n\nПлановая задача {{monitorName}} не отчиталась вовремя (ожидалось до {{expectedBy}}). Мы разбираемся.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: 'Продление через {{daysLeft}} дн.: {{assetName}}', text: '{{assetName}} истекает {{expiresOn}}. Цена продления: {{price}}.' },
      client: { subject: 'Уведомление о продлении: {{assetName}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{assetName}} нужно продлить до {{expiresOn}}. Стоимость продления: {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Платёж получен: счёт {{invoiceNumber}}', text: 'По счёту {{invoiceNumber}} оплачено {{amount}} ({{paidAt}}).' },
      client: { subject: 'Спасибо за оплату', text: 'Здравствуйте, {{recipientName}}!\n\nМы получили {{amount}} по счёту {{invoiceNumber}} ({{paidAt}}). Спасибо!\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Канал уведомлений не работает: {{channelName}}', text: 'Сообщения в {{channelName}} не доставляются: {{reason}}\nИсправьте настройки и отправьте тестовое сообщение; до тех пор используется резервный канал.' },
      client: { subject: 'Мы не можем связаться с вами через {{channelName}}', text: 'Здравствуйте, {{recipientName}}!\n\nСообщения в {{channelName}} не доставляются: {{reason}}\nПожалуйста, уточните адрес у нас.\n\n{{agencyName}}' },
    },
  },
};
