import type { LocalePack } from '../pack.ts';

export const da: LocalePack = {
  yes: 'ja',
  no: 'nej',
  none: '—',
  acknowledge: 'Kvittér',
  open: 'Åbn i Upkeep',
  severity: { critical: 'kritisk', high: 'høj', medium: 'middel', low: 'lav', info: 'info' },
  digest: { subject: '{{count}} notifikationer fra {{agencyName}}', intro: 'Hej {{recipientName}}, her er hvad der er sket:' },
  test: { subject: 'Testbesked fra {{agencyName}}', text: 'Dette er en testbesked til kanalen {{channelName}}. Hvis du kan læse den, virker kanalen.' },
  renewal: {
    label: { renewal: 'Fornyelse', pay: 'Betaling' },
    notice: { renewal: 'Påmindelse om fornyelse', pay: 'Betalingspåmindelse' },
    late: 'Påmindelsen kommer for sent: dens dag gik, mens Upkeep ikke kørte.',
  },
  desk: {
    clock: { 'first-response': 'første svar', resolution: 'løsning' },
    startsNow: 'Vi går i gang med den nu.',
    startsAt: 'Den kom ind uden for vores supporttider; vi går i gang med den {{workStartsAt}}.',
    resolutionDue: 'Vi sigter mod at løse den senest {{resolutionDue}}.',
    noResolution: 'Denne alvorlighed har ingen frist for løsning; vi behandler den i den rækkefølge, den kom ind.',
    uptime: 'Oppetid: {{uptimePercent}} (garanteret: {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Oppetid: {{uptimePercent}}.',
    credit: 'Servicekredit, du har krav på: {{credit}}.',
  },
  billing: {
    autoChargeOn: 'Beløbet trækkes automatisk på den gemte betalingsmetode den {{chargeOn}}.',
    autoCharge: 'Beløbet trækkes automatisk på den gemte betalingsmetode.',
    retryOn: 'Der gøres et nyt forsøg den {{nextRetryOn}}.',
    noRetry: 'Der gøres ikke flere automatiske forsøg.',
    method: 'Betalt med {{method}}.',
    receipt: 'Kvittering: {{receiptUrl}}',
    threshold: 'Træk over {{threshold}} skal godkendes.',
  },
  templates: {
    'incident.opened': {
      staff: { subject: 'Nede: {{monitorName}}', text: '{{monitorName}} ({{target}}) har været nede siden {{startedAt}}.\nÅrsag: {{cause}}' },
      client: { subject: 'Driftsforstyrrelse: {{monitorName}}', text: 'Hej {{recipientName}},\n\nVi har opdaget et problem med {{monitorName}} siden {{startedAt}} og arbejder på det. Vi holder dig orienteret.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Opdatering: {{monitorName}}', text: '{{monitorName}} ({{target}}): {{message}}' },
      client: { subject: 'Opdatering om {{monitorName}}', text: 'Hej {{recipientName}},\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Løst: {{monitorName}}', text: '{{monitorName}} ({{target}}) er oppe igen siden {{resolvedAt}}, efter {{downtime}} nedetid.' },
      client: { subject: 'Løst: {{monitorName}}', text: 'Hej {{recipientName}},\n\n{{monitorName}} fungerer normalt igen siden {{resolvedAt}}. Forstyrrelsen varede {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Certifikatet udløber om {{daysLeft}} dage: {{host}}', text: 'TLS-certifikatet for {{host}} ({{monitorName}}, udstedt af {{issuer}}) udløber {{validTo}}.' },
      client: { subject: 'Sikkerhedscertifikatet for {{host}} udløber snart', text: 'Hej {{recipientName}},\n\nSikkerhedscertifikatet for {{host}} udløber {{validTo}}, om {{daysLeft}} dage. Vi sørger for at forny det.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Domænet udløber om {{daysLeft}} dage: {{domain}}', text: '{{domain}} udløber {{expiresOn}} (registrator: {{registrar}}).' },
      client: { subject: 'Dit domæne {{domain}} udløber {{expiresOn}}', text: 'Hej {{recipientName}},\n\nDit domæne {{domain}} udløber {{expiresOn}}, om {{daysLeft}} dage. Giv os besked, om det skal fornyes.\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'Forsinket: {{monitorName}}', text: '{{monitorName}} har ikke meldt sig. Forventet senest {{expectedBy}}; sidste ping {{lastPingAt}}.' },
      client: { subject: 'En planlagt opgave er forsinket: {{monitorName}}', text: 'Hej {{recipientName}},\n\nDen planlagte opgave {{monitorName}} meldte sig ikke i tide (forventet senest {{expectedBy}}). Vi undersøger det.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}', text: '{{assetName}} udløber {{expiresOn}}. Pris for fornyelse: {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}}: {{assetName}}', text: 'Hej {{recipientName}},\n\n{{assetName}} skal fornyes senest {{expiresOn}} ({{dueIn}}). Prisen for fornyelsen er {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Udløbet: {{assetName}}', text: '{{assetName}} udløb {{expiredOn}} ({{expiredAgo}}) og er ikke fornyet. Forny den, eller markér den som opsagt, hvis det var planen. Pris: {{price}}.{{lateNote}}' },
      client: { subject: '{{assetName}} er udløbet', text: 'Hej {{recipientName}},\n\n{{assetName}} udløb {{expiredOn}} og er endnu ikke fornyet. Hvis du vil beholde den, så giv os besked hurtigst muligt; prisen for fornyelsen er {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'Opsig senest {{cancelBy}}, ellers fornyes: {{assetName}}', text: '{{assetName}} fornyes automatisk {{renewalOn}} for {{price}}. Opsig senest {{cancelBy}} ({{dueIn}}) for at stoppe det.{{lateNote}}' },
      client: { subject: '{{assetName}} fornyes automatisk {{renewalOn}}', text: 'Hej {{recipientName}},\n\n{{assetName}} fornyes automatisk {{renewalOn}} for {{price}}. Hvis du ikke længere har brug for den, så giv os besked senest {{cancelBy}}; efter den dato kan den ikke opsiges for den kommende periode.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Fornyelsesopgave: {{assetName}}, senest {{dueOn}}', text: 'Fornyelsen af {{assetName}} (fornyes {{renewalOn}}) er tildelt {{assigneeName}}. Beslut og handl senest {{dueOn}}.' },
      client: { subject: 'Vi tager os af fornyelsen af {{assetName}}', text: 'Hej {{recipientName}},\n\nFornyelsen af {{assetName}}, som skal ske {{renewalOn}}, er planlagt og i vores hænder. Vi kontakter dig, hvis vi har brug for noget fra dig.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Fornyelsesopgave stadig åben: {{assetName}}, forfalder {{dueIn}}', text: 'Fornyelsesopgaven for {{assetName}} er stadig åben og skal være løst {{dueOn}} ({{dueIn}}); fornyelsesdatoen er {{renewalOn}}. Tildelt: {{assigneeName}}. Overtag den, eller sørg for at den bliver gjort.' },
      client: { subject: 'Status på fornyelsen af {{assetName}}', text: 'Hej {{recipientName}},\n\nFornyelsen af {{assetName}}, som skal ske {{renewalOn}}, er ikke afsluttet endnu. Vi har prioriteret den og sørger for, at den bliver gjort i tide.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Fornyelsesopgave: {{assetName}} ({{clientName}}), senest {{dueOn}}', text: 'Forny {{assetName}} ({{assetIdentifier}}) for {{clientName}}: den fornyes {{renewalOn}}; beslut og handl senest {{dueOn}}. Ansvarlig: {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Fornyelse af {{assetName}}', text: 'Hej {{recipientName}},\n\nFornyelsen af {{assetName}}, som skal ske {{renewalOn}}, er planlagt og i vores hænder.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Automatisk fornyelse udeblev: {{assetName}}', text: '{{assetName}} skulle være fornyet automatisk {{renewalOn}} (leverandør: {{provider}}), men {{graceEndedOn}} var udløbsdatoen stadig ikke rykket. Tjek betalingsmetoden hos leverandøren, og forny manuelt.' },
      client: { subject: 'Den automatiske fornyelse af {{assetName}} kræver opmærksomhed', text: 'Hej {{recipientName}},\n\n{{assetName}} skulle være fornyet automatisk {{renewalOn}}, men fornyelsen er ikke gået igennem. Vi undersøger sagen og giver besked, hvis vi har brug for noget fra dig.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'Ny sag ({{severity}}) fra {{clientName}}: {{title}}', text: '{{clientName}} har en ny sag med alvorlighed {{severity}}: {{title}}\nFørste svar senest {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'Vi har modtaget din sag: {{title}}', text: 'Hej {{recipientName}},\n\nVi har modtaget din sag "{{title}}" (alvorlighed: {{severity}}). {{workStart}}\nDu hører fra os senest {{firstResponseDue}}. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Svar sendt: {{title}}', text: '{{authorName}} svarede i sagen "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Nyt svar i din sag: {{title}}', text: 'Hej {{recipientName}},\n\n{{authorName}} har svaret i din sag "{{title}}":\n\n{{excerpt}}\n\nÅbn sagen for at læse hele svaret eller svare.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: '{{clientName}} har svaret: {{title}}', text: '{{authorName}} ({{clientName}}) skrev i sagen "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Vi har modtaget dit svar: {{title}}', text: 'Hej {{recipientName}},\n\nVi har modtaget dit svar i sagen "{{title}}" og vender tilbage til dig.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Sag tildelt {{assigneeName}}: {{title}}', text: 'Sagen "{{title}}" ({{severity}}) fra {{clientName}} er tildelt {{assigneeName}}.' },
      client: { subject: 'Din sag bliver behandlet: {{title}}', text: 'Hej {{recipientName}},\n\nDin sag "{{title}}" er givet til en person i vores team, som tager sig af den herfra.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: '{{percentUsed}} af tiden til {{clockName}} er brugt: {{title}}', text: 'Sagen "{{title}}" ({{severity}}) fra {{clientName}} har brugt {{percentUsed}} af tiden til {{clockName}}. Fristen er {{dueAt}}.' },
      client: { subject: 'Din sag bliver fulgt op: {{title}}', text: 'Hej {{recipientName}},\n\nDin sag "{{title}}" bliver fulgt op; vi holder fristen for {{clockName}}, {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'SLA overskredet ({{clockName}}): {{title}}', text: 'Fristen for {{clockName}} i sagen "{{title}}" ({{severity}}) fra {{clientName}} var {{dueAt}} og er overskredet.' },
      client: { subject: 'Din sag tager længere tid end lovet: {{title}}', text: 'Hej {{recipientName}},\n\nVi nåede ikke fristen for {{clockName}} i din sag "{{title}}", som var {{dueAt}}. Vi beklager og prioriterer sagen.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'SLA-rapport for {{month}} er klar: {{clientName}}', text: 'SLA-rapporten for {{clientName}} for {{month}} er klar.{{uptimeLine}}{{creditLine}}\nPDF: {{pdfUrl}}' },
      client: { subject: 'Din servicerapport for {{month}}', text: 'Hej {{recipientName}},\n\nDin servicerapport for {{month}} er klar.{{uptimeLine}}{{creditLine}}\n\nHent den som PDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Faktura {{invoiceNumber}} udstedt: {{clientName}}', text: 'Faktura {{invoiceNumber}} på {{total}} er udstedt til {{clientName}}; {{amountDue}} skal betales senest {{dueOn}}.{{chargeLine}}\n{{url}}' },
      client: { subject: 'Faktura {{invoiceNumber}} fra {{agencyName}}', text: 'Hej {{recipientName}},\n\nDin faktura {{invoiceNumber}} på {{total}} er klar; {{amountDue}} skal betales senest {{dueOn}}.{{chargeLine}}\n\nSe og betal den: {{url}}\nPDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betaling modtaget: faktura {{invoiceNumber}}', text: '{{amount}} blev betalt for faktura {{invoiceNumber}} den {{paidAt}}.{{methodLine}}' },
      client: { subject: 'Tak for din betaling', text: 'Hej {{recipientName}},\n\nVi har modtaget {{amount}} for faktura {{invoiceNumber}} den {{paidAt}}. Tak.{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Betaling mislykkedes: faktura {{invoiceNumber}} ({{clientName}})', text: 'Betalingen på {{amount}} fra {{clientName}} for faktura {{invoiceNumber}} mislykkedes (forsøg {{attempt}}): {{reason}}\n{{retryNote}}' },
      client: { subject: 'Din betaling af faktura {{invoiceNumber}} gik ikke igennem', text: 'Hej {{recipientName}},\n\nVi kunne ikke trække {{amount}} for faktura {{invoiceNumber}}. Begrundelse: {{reason}}\n{{retryNote}}\n\nBetal nu: {{payUrl}}\nOpdater din betalingsmetode: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Stadig ubetalt efter {{attempts}} forsøg: faktura {{invoiceNumber}} ({{clientName}})', text: 'De automatiske betalingsforsøg for faktura {{invoiceNumber}} ({{clientName}}) er slut: {{attempts}} forsøg mislykkedes, og {{amountDue}} mangler stadig at blive betalt. Seneste begrundelse: {{lastReason}}\nKontakt kunden, eller markér fakturaen som uerholdelig: {{url}}' },
      client: { subject: 'Faktura {{invoiceNumber}} er stadig ubetalt', text: 'Hej {{recipientName}},\n\nVi kunne ikke trække {{amountDue}} for faktura {{invoiceNumber}} og gør ikke flere automatiske forsøg. Du kan betale den her: {{url}}\nKontakt os gerne, hvis noget ikke stemmer.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Godkend et træk på {{amount}}: {{clientName}}', text: 'Et træk på {{amount}} hos {{clientName}} for faktura {{invoiceNumber}} er planlagt til {{chargeOn}} og venter på godkendelse.{{thresholdLine}}\nGodkend eller afvis det: {{url}}' },
      client: { subject: 'Kommende betaling for faktura {{invoiceNumber}}', text: 'Hej {{recipientName}},\n\nBetalingen på {{amount}} for faktura {{invoiceNumber}}, planlagt til {{chargeOn}}, bliver gennemgået, før beløbet trækkes.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Betalingsmetoden udløber før næste træk: {{clientName}}', text: '{{methodLabel}} ({{clientName}}) gælder til og med {{validThrough}}; næste træk er den {{nextChargeOn}}.\nBetalingsmetoder: {{methodsUrl}}' },
      client: { subject: 'Opdater din betalingsmetode {{methodLabel}}', text: 'Hej {{recipientName}},\n\nDin gemte betalingsmetode {{methodLabel}} gælder til og med {{validThrough}}, men din næste betaling er den {{nextChargeOn}}. Opdater den, så betalingen går igennem: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Notifikationskanal virker ikke: {{channelName}}', text: 'Beskeder til {{channelName}} kan ikke leveres: {{reason}}\nRet indstillingerne og send en testbesked; indtil da bruges din reservekanal.' },
      client: { subject: 'Vi kan ikke nå dig via {{channelName}}', text: 'Hej {{recipientName}},\n\nBeskeder til {{channelName}} kan ikke leveres: {{reason}}\nTjek venligst adressen med os.\n\n{{agencyName}}' },
    },
  },
};
