import type { LocalePack } from '../pack.ts';

export const nl: LocalePack = {
  yes: 'ja',
  no: 'nee',
  none: '—',
  acknowledge: 'Bevestigen',
  open: 'Openen in Upkeep',
  severity: { critical: 'kritiek', high: 'hoog', medium: 'gemiddeld', low: 'laag', info: 'info' },
  digest: { subject: '{{count}} meldingen van {{agencyName}}', intro: 'Hallo {{recipientName}}, dit is er gebeurd:' },
  test: { subject: 'Testbericht van {{agencyName}}', text: 'Dit is een testbericht voor het kanaal {{channelName}}. Kunt u het lezen, dan werkt het kanaal.' },
  renewal: {
    label: { renewal: 'Verlenging', pay: 'Betaling' },
    notice: { renewal: 'Verlengingsbericht', pay: 'Betalingsherinnering' },
    late: 'Deze herinnering komt te laat: de dag ervan verstreek terwijl Upkeep niet draaide.',
  },
  desk: {
    clock: { 'first-response': 'eerste reactie', resolution: 'oplossing' },
    startsNow: 'We gaan er nu mee aan de slag.',
    startsAt: 'Het kwam binnen buiten onze supporttijden; we gaan ermee aan de slag op {{workStartsAt}}.',
    resolutionDue: 'We streven ernaar het uiterlijk {{resolutionDue}} op te lossen.',
    noResolution: 'Voor deze urgentie geldt geen oplostermijn; we behandelen het op volgorde van binnenkomst.',
    uptime: 'Beschikbaarheid: {{uptimePercent}} (gegarandeerd: {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Beschikbaarheid: {{uptimePercent}}.',
    credit: 'Servicecredit waar u recht op heeft: {{credit}}.',
  },
  billing: {
    autoChargeOn: 'Het bedrag wordt op {{chargeOn}} automatisch afgeschreven via de opgeslagen betaalmethode.',
    autoCharge: 'Het bedrag wordt automatisch afgeschreven via de opgeslagen betaalmethode.',
    retryOn: 'Op {{nextRetryOn}} volgt een nieuwe poging.',
    noRetry: 'Er volgt geen nieuwe automatische poging.',
    method: 'Betaald met {{method}}.',
    receipt: 'Betaalbewijs: {{receiptUrl}}',
    threshold: 'Afschrijvingen boven {{threshold}} wachten op goedkeuring.',
  },
  templates: {
    'incident.opened': {
      staff: { subject: 'Onbereikbaar: {{monitorName}}', text: '{{monitorName}} ({{target}}) is onbereikbaar sinds {{startedAt}}.\nOorzaak: {{cause}}' },
      client: { subject: 'Storing: {{monitorName}}', text: 'Hallo {{recipientName}},\n\nWe zien sinds {{startedAt}} een probleem met {{monitorName}} en werken aan een oplossing. We houden u op de hoogte.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Update: {{monitorName}}', text: '{{monitorName}} ({{target}}): {{message}}' },
      client: { subject: 'Update over {{monitorName}}', text: 'Hallo {{recipientName}},\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Opgelost: {{monitorName}}', text: '{{monitorName}} ({{target}}) is weer bereikbaar sinds {{resolvedAt}}, na {{downtime}} onderbreking.' },
      client: { subject: 'Opgelost: {{monitorName}}', text: 'Hallo {{recipientName}},\n\n{{monitorName}} werkt weer normaal sinds {{resolvedAt}}. De storing duurde {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Certificaat verloopt over {{daysLeft}} dagen: {{host}}', text: 'Het TLS-certificaat van {{host}} ({{monitorName}}, uitgegeven door {{issuer}}) verloopt op {{validTo}}.' },
      client: { subject: 'Het beveiligingscertificaat van {{host}} verloopt binnenkort', text: 'Hallo {{recipientName}},\n\nHet beveiligingscertificaat van {{host}} verloopt op {{validTo}}, over {{daysLeft}} dagen. Wij zorgen voor de verlenging.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Domein verloopt over {{daysLeft}} dagen: {{domain}}', text: '{{domain}} verloopt op {{expiresOn}} (registrar: {{registrar}}).' },
      client: { subject: 'Uw domein {{domain}} verloopt op {{expiresOn}}', text: 'Hallo {{recipientName}},\n\nUw domein {{domain}} verloopt op {{expiresOn}}, over {{daysLeft}} dagen. Laat u ons weten of het verlengd moet worden?\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'Te laat: {{monitorName}}', text: '{{monitorName}} heeft zich niet gemeld. Verwacht vóór {{expectedBy}}; laatste ping {{lastPingAt}}.' },
      client: { subject: 'Een geplande taak is te laat: {{monitorName}}', text: 'Hallo {{recipientName}},\n\nDe geplande taak {{monitorName}} heeft zich niet op tijd gemeld (verwacht vóór {{expectedBy}}). We zoeken het uit.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}', text: '{{assetName}} verloopt op {{expiresOn}}. Verlengingsprijs: {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}}: {{assetName}}', text: 'Hallo {{recipientName}},\n\n{{assetName}} moet uiterlijk {{expiresOn}} ({{dueIn}}) verlengd worden. De prijs van de verlenging is {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Verlopen: {{assetName}}', text: '{{assetName}} is verlopen op {{expiredOn}} ({{expiredAgo}}) en niet verlengd. Verleng het, of markeer het als opgezegd als dat de bedoeling was. Prijs: {{price}}.{{lateNote}}' },
      client: { subject: '{{assetName}} is verlopen', text: 'Hallo {{recipientName}},\n\n{{assetName}} is verlopen op {{expiredOn}} en nog niet verlengd. Wilt u het behouden, laat het ons dan zo snel mogelijk weten; de prijs van de verlenging is {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'Opzeggen uiterlijk {{cancelBy}}, anders verlengd: {{assetName}}', text: '{{assetName}} wordt op {{renewalOn}} automatisch verlengd voor {{price}}. Om dat te voorkomen: opzeggen uiterlijk {{cancelBy}} ({{dueIn}}).{{lateNote}}' },
      client: { subject: '{{assetName}} wordt op {{renewalOn}} automatisch verlengd', text: 'Hallo {{recipientName}},\n\n{{assetName}} wordt op {{renewalOn}} automatisch verlengd voor {{price}}. Heeft u het niet meer nodig, laat het ons dan uiterlijk {{cancelBy}} weten; daarna kan het voor de komende periode niet meer worden opgezegd.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Verlengingstaak: {{assetName}}, uiterlijk {{dueOn}}', text: 'De verlenging van {{assetName}} (verlengingsdatum {{renewalOn}}) is toegewezen aan {{assigneeName}}. Beslis en handel uiterlijk {{dueOn}}.' },
      client: { subject: 'Wij zorgen voor de verlenging van {{assetName}}', text: 'Hallo {{recipientName}},\n\nDe verlenging van {{assetName}} op {{renewalOn}} is ingepland en in onze handen. We nemen contact op als we iets van u nodig hebben.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Verlengingstaak nog open: {{assetName}}, moet {{dueIn}} klaar zijn', text: 'De verlengingstaak van {{assetName}} staat nog open en moet op {{dueOn}} ({{dueIn}}) klaar zijn; de verlengingsdatum is {{renewalOn}}. Toegewezen aan: {{assigneeName}}. Neem hem over of zorg dat hij wordt afgerond.' },
      client: { subject: 'Stand van zaken: verlenging van {{assetName}}', text: 'Hallo {{recipientName}},\n\nDe verlenging van {{assetName}} op {{renewalOn}} is nog niet rond. We hebben er voorrang aan gegeven en zorgen dat het op tijd geregeld is.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Verlengingstaak: {{assetName}} ({{clientName}}), uiterlijk {{dueOn}}', text: 'Verleng {{assetName}} ({{assetIdentifier}}) voor {{clientName}}: de verlenging is op {{renewalOn}}; beslis en handel uiterlijk {{dueOn}}. Toegewezen aan: {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Verlenging van {{assetName}}', text: 'Hallo {{recipientName}},\n\nDe verlenging van {{assetName}} op {{renewalOn}} is gepland en in onze handen.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Automatische verlenging niet gelukt: {{assetName}}', text: '{{assetName}} had op {{renewalOn}} automatisch verlengd moeten worden (leverancier: {{provider}}), maar op {{graceEndedOn}} was de vervaldatum nog niet opgeschoven. Controleer de betaalmethode bij de leverancier en verleng handmatig.' },
      client: { subject: 'De automatische verlenging van {{assetName}} vraagt aandacht', text: 'Hallo {{recipientName}},\n\n{{assetName}} had op {{renewalOn}} automatisch verlengd moeten worden, maar de verlenging is niet doorgegaan. We zoeken het uit en laten het u weten als we iets van u nodig hebben.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'Nieuw ticket ({{severity}}) van {{clientName}}: {{title}}', text: '{{clientName}} heeft een nieuw ticket met urgentie {{severity}}: {{title}}\nEerste reactie uiterlijk {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'We hebben uw ticket ontvangen: {{title}}', text: 'Hallo {{recipientName}},\n\nWe hebben uw ticket "{{title}}" ontvangen (urgentie: {{severity}}). {{workStart}}\nU hoort uiterlijk {{firstResponseDue}} van ons. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Antwoord verstuurd: {{title}}', text: '{{authorName}} antwoordde op het ticket "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Nieuw antwoord op uw ticket: {{title}}', text: 'Hallo {{recipientName}},\n\n{{authorName}} heeft gereageerd op uw ticket "{{title}}":\n\n{{excerpt}}\n\nOpen het ticket om het hele antwoord te lezen of te reageren.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: '{{clientName}} heeft gereageerd: {{title}}', text: '{{authorName}} ({{clientName}}) schreef op het ticket "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'We hebben uw reactie ontvangen: {{title}}', text: 'Hallo {{recipientName}},\n\nWe hebben uw reactie op het ticket "{{title}}" ontvangen en komen bij u terug.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Ticket toegewezen aan {{assigneeName}}: {{title}}', text: 'Het ticket "{{title}}" ({{severity}}) van {{clientName}} is toegewezen aan {{assigneeName}}.' },
      client: { subject: 'Uw ticket wordt behandeld: {{title}}', text: 'Hallo {{recipientName}},\n\nUw ticket "{{title}}" is overgedragen aan een lid van ons team, dat het vanaf nu behandelt.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: '{{percentUsed}} van de termijn voor {{clockName}} verstreken: {{title}}', text: 'Het ticket "{{title}}" ({{severity}}) van {{clientName}} heeft {{percentUsed}} van de termijn voor {{clockName}} gebruikt. De termijn loopt af op {{dueAt}}.' },
      client: { subject: 'Uw ticket wordt opgevolgd: {{title}}', text: 'Hallo {{recipientName}},\n\nUw ticket "{{title}}" wordt opgevolgd; we houden ons aan de termijn voor {{clockName}} van {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'SLA overschreden ({{clockName}}): {{title}}', text: 'De termijn voor {{clockName}} van het ticket "{{title}}" ({{severity}}) van {{clientName}} liep af op {{dueAt}} en is verstreken.' },
      client: { subject: 'Uw ticket duurt langer dan beloofd: {{title}}', text: 'Hallo {{recipientName}},\n\nWe hebben de termijn voor {{clockName}} van uw ticket "{{title}}", die afliep op {{dueAt}}, niet gehaald. Onze excuses; we geven het voorrang.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'SLA-rapport van {{month}} klaar: {{clientName}}', text: 'Het SLA-rapport van {{clientName}} over {{month}} is klaar.{{uptimeLine}}{{creditLine}}\nPDF: {{pdfUrl}}' },
      client: { subject: 'Uw servicerapport over {{month}}', text: 'Hallo {{recipientName}},\n\nUw servicerapport over {{month}} is klaar.{{uptimeLine}}{{creditLine}}\n\nDownload het als pdf: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Factuur {{invoiceNumber}} verstuurd: {{clientName}}', text: 'Factuur {{invoiceNumber}} van {{total}} is verstuurd aan {{clientName}}; {{amountDue}} moet uiterlijk {{dueOn}} betaald zijn.{{chargeLine}}\n{{url}}' },
      client: { subject: 'Factuur {{invoiceNumber}} van {{agencyName}}', text: 'Hallo {{recipientName}},\n\nUw factuur {{invoiceNumber}} van {{total}} staat klaar; {{amountDue}} moet uiterlijk {{dueOn}} betaald zijn.{{chargeLine}}\n\nBekijken en betalen: {{url}}\nPdf: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betaling ontvangen: factuur {{invoiceNumber}}', text: '{{amount}} is betaald voor factuur {{invoiceNumber}} op {{paidAt}}.{{methodLine}}' },
      client: { subject: 'Bedankt voor uw betaling', text: 'Hallo {{recipientName}},\n\nWe hebben {{amount}} ontvangen voor factuur {{invoiceNumber}} op {{paidAt}}. Hartelijk dank.{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Betaling mislukt: factuur {{invoiceNumber}} ({{clientName}})', text: 'De betaling van {{amount}} door {{clientName}} voor factuur {{invoiceNumber}} is mislukt (poging {{attempt}}): {{reason}}\n{{retryNote}}' },
      client: { subject: 'Uw betaling voor factuur {{invoiceNumber}} is niet gelukt', text: 'Hallo {{recipientName}},\n\nWe konden {{amount}} voor factuur {{invoiceNumber}} niet afschrijven. Opgegeven reden: {{reason}}\n{{retryNote}}\n\nNu betalen: {{payUrl}}\nUw betaalmethode bijwerken: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Nog steeds onbetaald na {{attempts}} pogingen: factuur {{invoiceNumber}} ({{clientName}})', text: 'De automatische betaalpogingen voor factuur {{invoiceNumber}} ({{clientName}}) zijn gestopt: {{attempts}} pogingen zijn mislukt en er staat nog {{amountDue}} open. Laatste reden: {{lastReason}}\nNeem contact op met de klant of markeer de factuur als oninbaar: {{url}}' },
      client: { subject: 'Factuur {{invoiceNumber}} is nog steeds onbetaald', text: 'Hallo {{recipientName}},\n\nWe konden {{amountDue}} voor factuur {{invoiceNumber}} niet afschrijven en doen geen nieuwe automatische poging meer. U kunt hier betalen: {{url}}\nKlopt er iets niet, neem dan contact met ons op.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Afschrijving van {{amount}} goedkeuren: {{clientName}}', text: 'Een afschrijving van {{amount}} bij {{clientName}} voor factuur {{invoiceNumber}} staat gepland op {{chargeOn}} en wacht op goedkeuring.{{thresholdLine}}\nGoedkeuren of weigeren: {{url}}' },
      client: { subject: 'Komende betaling voor factuur {{invoiceNumber}}', text: 'Hallo {{recipientName}},\n\nDe betaling van {{amount}} voor factuur {{invoiceNumber}}, gepland op {{chargeOn}}, wordt gecontroleerd voordat het bedrag wordt afgeschreven.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Betaalmethode verloopt voor de volgende afschrijving: {{clientName}}', text: '{{methodLabel}} van {{clientName}} is geldig tot en met {{validThrough}}; de volgende afschrijving is op {{nextChargeOn}}.\nBetaalmethoden: {{methodsUrl}}' },
      client: { subject: 'Werk uw betaalmethode {{methodLabel}} bij', text: 'Hallo {{recipientName}},\n\nUw opgeslagen betaalmethode {{methodLabel}} is geldig tot en met {{validThrough}}, maar uw volgende betaling is op {{nextChargeOn}}. Werk deze bij zodat de betaling lukt: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Meldingskanaal werkt niet: {{channelName}}', text: 'Berichten naar {{channelName}} kunnen niet worden afgeleverd: {{reason}}\nPas de instellingen aan en stuur een testbericht; tot dan wordt uw reservekanaal gebruikt.' },
      client: { subject: 'We bereiken u niet via {{channelName}}', text: 'Hallo {{recipientName}},\n\nBerichten naar {{channelName}} kunnen niet worden afgeleverd: {{reason}}\nWilt u het adres met ons nakijken?\n\n{{agencyName}}' },
    },
  },
};
