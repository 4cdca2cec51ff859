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
  renewal: {
    label: { renewal: 'Продление', pay: 'Оплата' },
    notice: { renewal: 'Напоминание о продлении', pay: 'Напоминание об оплате' },
    late: 'Напоминание приходит с опозданием: его день прошёл, пока Upkeep не работал.',
  },
  desk: {
    clock: { 'first-response': 'первый ответ', resolution: 'решение' },
    startsNow: 'Мы приступаем к работе над ней сейчас.',
    startsAt: 'Она поступила вне часов поддержки; мы приступим к работе над ней {{workStartsAt}}.',
    resolutionDue: 'Мы планируем решить её до {{resolutionDue}}.',
    noResolution: 'Для этой важности срок решения не установлен; заявки решаются в порядке поступления.',
    uptime: 'Доступность: {{uptimePercent}} (гарантировано: {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Доступность: {{uptimePercent}}.',
    credit: 'Вам причитается компенсация: {{credit}}.',
  },
  billing: {
    autoChargeOn: 'Сумма будет автоматически списана с сохранённого способа оплаты {{chargeOn}}',
    autoCharge: 'Сумма будет автоматически списана с сохранённого способа оплаты.',
    retryOn: 'Следующая попытка — {{nextRetryOn}}',
    noRetry: 'Автоматических попыток больше не будет.',
    method: 'Способ оплаты: {{method}}.',
    receipt: 'Квитанция: {{receiptUrl}}',
    threshold: 'Списания свыше {{threshold}} требуют одобрения.',
  },
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
      staff: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}', text: 'Срок действия {{assetName}} истекает {{expiresOn}}, цена продления: {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}}: {{assetName}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{assetName}} нужно продлить до {{expiresOn}} ({{dueIn}}). Стоимость продления: {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Истёк срок: {{assetName}}', text: 'Срок {{assetName}} истёк {{expiredOn}} ({{expiredAgo}}), продления нет. Продлите или отметьте как отменённое, если так и задумано. Цена: {{price}}.{{lateNote}}' },
      client: { subject: 'Срок действия {{assetName}} истёк', text: 'Здравствуйте, {{recipientName}}!\n\nСрок действия {{assetName}} истёк {{expiredOn}}, и продление ещё не выполнено. Если вы хотите его сохранить, пожалуйста, сообщите нам как можно скорее; стоимость продления: {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'Отказаться до {{cancelBy}}, иначе продлится: {{assetName}}', text: '{{assetName}} продлится автоматически {{renewalOn}} за {{price}}. Чтобы этого избежать, откажитесь не позднее {{cancelBy}} ({{dueIn}}).{{lateNote}}' },
      client: { subject: '{{assetName}} продлится автоматически {{renewalOn}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{assetName}} продлится автоматически {{renewalOn}} за {{price}}. Если он вам больше не нужен, пожалуйста, сообщите нам не позднее {{cancelBy}}: после этой даты отказаться на следующий период будет нельзя.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Задача на продление: {{assetName}}, срок {{dueOn}}', text: 'До {{dueOn}} нужно решить вопрос с продлением {{assetName}} (дата продления — {{renewalOn}}) и выполнить его. Исполнитель: {{assigneeName}}.' },
      client: { subject: 'Мы занимаемся продлением {{assetName}}', text: 'Здравствуйте, {{recipientName}}!\n\nПродление {{assetName}}, назначенное на {{renewalOn}}, запланировано, и мы им занимаемся. Если нам что-то понадобится от вас, мы свяжемся с вами.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Задача на продление не выполнена: {{assetName}}, срок {{dueIn}}', text: 'Задача на продление {{assetName}} всё ещё открыта, срок — {{dueOn}} ({{dueIn}}), дата продления — {{renewalOn}}, исполнитель: {{assigneeName}}. Возьмите её на себя или проследите, чтобы она была выполнена.' },
      client: { subject: 'О продлении {{assetName}}', text: 'Здравствуйте, {{recipientName}}!\n\nПродление {{assetName}}, назначенное на {{renewalOn}}, ещё не завершено. Мы сделали его приоритетным и позаботимся, чтобы всё было сделано вовремя.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Задача на продление: {{assetName}} ({{clientName}}), до {{dueOn}}', text: 'Продлить {{assetName}} ({{assetIdentifier}}) для {{clientName}}: продление {{renewalOn}}; решить и выполнить до {{dueOn}}. Ответственный: {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Продление {{assetName}}', text: 'Здравствуйте, {{recipientName}}!\n\nПродление {{assetName}}, назначенное на {{renewalOn}}, запланировано, и мы им занимаемся.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Автопродление не произошло: {{assetName}}', text: '{{assetName}} должен был продлиться автоматически {{renewalOn}} (поставщик: {{provider}}), но к {{graceEndedOn}} дата окончания так и не сдвинулась. Проверьте способ оплаты у поставщика и продлите вручную.' },
      client: { subject: 'Автоматическое продление {{assetName}} требует внимания', text: 'Здравствуйте, {{recipientName}}!\n\n{{assetName}} должен был продлиться автоматически {{renewalOn}}, но продление не прошло. Мы разбираемся и сообщим вам, если нам что-то понадобится.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'Новая заявка ({{severity}}) от {{clientName}}: {{title}}', text: 'У {{clientName}} новая заявка, важность: {{severity}}: {{title}}\nСрок первого ответа: {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'Мы получили вашу заявку: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\nМы получили вашу заявку «{{title}}» (важность: {{severity}}). {{workStart}}\nМы ответим вам до {{firstResponseDue}}. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Ответ отправлен: {{title}}', text: '{{authorName}} ответил(а) в заявке «{{title}}» (важность: {{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Новый ответ по вашей заявке: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\n{{authorName}} ответил(а) на вашу заявку «{{title}}»:\n\n{{excerpt}}\n\nОткройте заявку, чтобы прочитать ответ полностью или ответить.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: 'Новый ответ от {{clientName}}: {{title}}', text: '{{authorName}} ({{clientName}}) написал(а) в заявке «{{title}}» (важность: {{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Мы получили ваш ответ: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\nМы получили ваш ответ по заявке «{{title}}» и скоро вернёмся к вам.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Заявка назначена ({{assigneeName}}): {{title}}', text: 'Заявка «{{title}}» (важность: {{severity}}) от {{clientName}} назначена исполнителю: {{assigneeName}}.' },
      client: { subject: 'Ваша заявка в работе: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\nВашей заявкой «{{title}}» теперь занимается сотрудник нашей команды.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: 'Израсходовано {{percentUsed}} срока («{{clockName}}»): {{title}}', text: 'По заявке «{{title}}» (важность: {{severity}}) от {{clientName}} израсходовано {{percentUsed}} срока на этап «{{clockName}}». Срок: {{dueAt}}.' },
      client: { subject: 'Ваша заявка под контролем: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\nВаша заявка «{{title}}» под контролем; мы укладываемся в срок этапа «{{clockName}}»: {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'Нарушен SLA («{{clockName}}»): {{title}}', text: 'Срок этапа «{{clockName}}» по заявке «{{title}}» (важность: {{severity}}) от {{clientName}} истёк {{dueAt}}.' },
      client: { subject: 'Ваша заявка решается дольше обещанного: {{title}}', text: 'Здравствуйте, {{recipientName}}!\n\nМы не уложились в срок этапа «{{clockName}}» по вашей заявке «{{title}}» ({{dueAt}}). Приносим извинения; заявка получила приоритет.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'Отчёт SLA за {{month}} готов: {{clientName}}', text: 'Отчёт SLA для {{clientName}} за {{month}} готов.{{uptimeLine}}{{creditLine}}\nPDF: {{pdfUrl}}' },
      client: { subject: 'Ваш отчёт об обслуживании за {{month}}', text: 'Здравствуйте, {{recipientName}}!\n\nВаш отчёт об обслуживании за {{month}} готов.{{uptimeLine}}{{creditLine}}\n\nСкачать в PDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Выставлен счёт {{invoiceNumber}}: {{clientName}}', text: 'Клиенту {{clientName}} выставлен счёт {{invoiceNumber}} на {{total}}; к оплате {{amountDue}} до {{dueOn}}{{chargeLine}}\n{{url}}' },
      client: { subject: 'Счёт {{invoiceNumber}} от {{agencyName}}', text: 'Здравствуйте, {{recipientName}}!\n\nВаш счёт {{invoiceNumber}} на {{total}} готов; {{amountDue}} нужно оплатить до {{dueOn}}{{chargeLine}}\n\nПосмотреть и оплатить: {{url}}\nPDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Платёж получен: счёт {{invoiceNumber}}', text: 'По счёту {{invoiceNumber}} оплачено {{amount}} ({{paidAt}}).{{methodLine}}' },
      client: { subject: 'Спасибо за оплату', text: 'Здравствуйте, {{recipientName}}!\n\nМы получили {{amount}} по счёту {{invoiceNumber}} ({{paidAt}}). Спасибо!{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Платёж не прошёл: счёт {{invoiceNumber}} ({{clientName}})', text: 'Платёж на {{amount}} по счёту {{invoiceNumber}} ({{clientName}}) не прошёл (попытка {{attempt}}): {{reason}}\n{{retryNote}}' },
      client: { subject: 'Оплата счёта {{invoiceNumber}} не прошла', text: 'Здравствуйте, {{recipientName}}!\n\nНам не удалось списать {{amount}} по счёту {{invoiceNumber}}. Причина: {{reason}}\n{{retryNote}}\n\nОплатить сейчас: {{payUrl}}\nОбновить способ оплаты: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Попытки оплаты исчерпаны: счёт {{invoiceNumber}} ({{clientName}})', text: 'Автоматические попытки оплаты счёта {{invoiceNumber}} ({{clientName}}) закончились (неудачных попыток: {{attempts}}), к оплате остаётся {{amountDue}}. Последняя причина: {{lastReason}}\nСвяжитесь с клиентом или отметьте счёт как безнадёжный: {{url}}' },
      client: { subject: 'Счёт {{invoiceNumber}} всё ещё не оплачен', text: 'Здравствуйте, {{recipientName}}!\n\nНам не удалось списать {{amountDue}} по счёту {{invoiceNumber}}, и автоматических попыток больше не будет. Оплатить счёт можно здесь: {{url}}\nЕсли что-то не так, пожалуйста, свяжитесь с нами.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Одобрите списание {{amount}}: {{clientName}}', text: 'Списание {{amount}} у {{clientName}} по счёту {{invoiceNumber}} запланировано на {{chargeOn}} и ждёт одобрения.{{thresholdLine}}\nОдобрить или отклонить: {{url}}' },
      client: { subject: 'Предстоящий платёж по счёту {{invoiceNumber}}', text: 'Здравствуйте, {{recipientName}}!\n\nПлатёж на {{amount}} по счёту {{invoiceNumber}}, запланированный на {{chargeOn}}, проходит проверку перед списанием.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Способ оплаты истекает до следующего списания: {{clientName}}', text: '{{methodLabel}} ({{clientName}}) действует до {{validThrough}} включительно; следующее списание — {{nextChargeOn}}\nСпособы оплаты: {{methodsUrl}}' },
      client: { subject: 'Пожалуйста, обновите способ оплаты {{methodLabel}}', text: 'Здравствуйте, {{recipientName}}!\n\nВаш сохранённый способ оплаты {{methodLabel}} действует до {{validThrough}} включительно, а следующий платёж — {{nextChargeOn}}, поэтому, пожалуйста, обновите его, чтобы платёж прошёл: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Канал уведомлений не работает: {{channelName}}', text: 'Сообщения в {{channelName}} не доставляются: {{reason}}\nИсправьте настройки и отправьте тестовое сообщение; до тех пор используется резервный канал.' },
      client: { subject: 'Мы не можем связаться с вами через {{channelName}}', text: 'Здравствуйте, {{recipientName}}!\n\nСообщения в {{channelName}} не доставляются: {{reason}}\nПожалуйста, уточните адрес у нас.\n\n{{agencyName}}' },
    },
  },
};
