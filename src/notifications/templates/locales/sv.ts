import type { LocalePack } from '../pack.ts';

export const sv: LocalePack = {
  yes: 'ja',
  no: 'nej',
  none: '—',
  acknowledge: 'Kvittera',
  open: 'Öppna i Upkeep',
  severity: { critical: 'kritisk', high: 'hög', medium: 'medel', low: 'låg', info: 'info' },
  digest: { subject: '{{count}} aviseringar från {{agencyName}}', intro: 'Hej {{recipientName}}, det här har hänt:' },
  test: { subject: 'Testmeddelande från {{agencyName}}', text: 'Det här är ett testmeddelande för kanalen {{channelName}}. Om du kan läsa det fungerar kanalen.' },
  renewal: {
    label: { renewal: 'Förnyelse', pay: 'Betalning' },
    notice: { renewal: 'Påminnelse om förnyelse', pay: 'Betalningspåminnelse' },
    late: 'Påminnelsen kommer sent: dagen den gällde passerade medan Upkeep inte var igång.',
  },
  desk: {
    clock: { 'first-response': 'första svar', resolution: 'lösning' },
    startsNow: 'Arbetet med det börjar nu.',
    startsAt: 'Det kom in utanför våra supporttider; arbetet med det börjar {{workStartsAt}}.',
    resolutionDue: 'Vi siktar på att lösa det senast {{resolutionDue}}.',
    noResolution: 'Den här allvarlighetsgraden har ingen tidsgräns för lösning; vi hanterar ärendet i tur och ordning.',
    uptime: 'Tillgänglighet: {{uptimePercent}} (garanterat: {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Tillgänglighet: {{uptimePercent}}.',
    credit: 'Servicekredit som du har rätt till: {{credit}}.',
  },
  billing: {
    autoChargeOn: 'Den dras automatiskt från det sparade betalningssättet den {{chargeOn}}.',
    autoCharge: 'Den dras automatiskt från det sparade betalningssättet.',
    retryOn: 'Ett nytt försök görs den {{nextRetryOn}}.',
    noRetry: 'Inga fler automatiska försök görs.',
    method: 'Betalt med {{method}}.',
    receipt: 'Kvitto: {{receiptUrl}}',
    threshold: 'Debiteringar över {{threshold}} kräver godkännande.',
  },
  templates: {
    'incident.opened': {
      staff: { subject: 'Nere: {{monitorName}}', text: '{{monitorName}} ({{target}}) är nere sedan {{startedAt}}.\nOrsak: {{cause}}' },
      client: { subject: 'Driftstörning: {{monitorName}}', text: 'Hej {{recipientName}},\n\nVi har upptäckt ett problem med {{monitorName}} sedan {{startedAt}} och arbetar på det. Vi håller dig uppdaterad.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Uppdatering: {{monitorName}}', text: '{{monitorName}} ({{target}}): {{message}}' },
      client: { subject: 'Uppdatering om {{monitorName}}', text: 'Hej {{recipientName}},\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Åtgärdat: {{monitorName}}', text: '{{monitorName}} ({{target}}) är uppe igen sedan {{resolvedAt}}, efter {{downtime}} avbrott.' },
      client: { subject: 'Åtgärdat: {{monitorName}}', text: 'Hej {{recipientName}},\n\n{{monitorName}} fungerar normalt igen sedan {{resolvedAt}}. Störningen varade {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Certifikatet går ut om {{daysLeft}} dagar: {{host}}', text: 'TLS-certifikatet för {{host}} ({{monitorName}}, utfärdat av {{issuer}}) går ut {{validTo}}.' },
      client: { subject: 'Säkerhetscertifikatet för {{host}} går snart ut', text: 'Hej {{recipientName}},\n\nSäkerhetscertifikatet för {{host}} går ut {{validTo}}, om {{daysLeft}} dagar. Vi ser till att det förnyas.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Domänen går ut om {{daysLeft}} dagar: {{domain}}', text: '{{domain}} går ut {{expiresOn}} (registrar: {{registrar}}).' },
      client: { subject: 'Din domän {{domain}} går ut {{expiresOn}}', text: 'Hej {{recipientName}},\n\nDin domän {{domain}} går ut {{expiresOn}}, om {{daysLeft}} dagar. Meddela oss om den ska förnyas.\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'Försenad: {{monitorName}}', text: '{{monitorName}} har inte hört av sig. Väntad senast {{expectedBy}}; senaste ping {{lastPingAt}}.' },
      client: { subject: 'Ett schemalagt jobb är försenat: {{monitorName}}', text: 'Hej {{recipientName}},\n\nDet schemalagda jobbet {{monitorName}} rapporterade inte i tid (väntat senast {{expectedBy}}). Vi undersöker saken.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}', text: '{{assetName}} går ut {{expiresOn}}. Förnyelsepris: {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}}: {{assetName}}', text: 'Hej {{recipientName}},\n\n{{assetName}} ska förnyas senast {{expiresOn}} ({{dueIn}}). Priset för förnyelsen är {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Har gått ut: {{assetName}}', text: '{{assetName}} gick ut {{expiredOn}} ({{expiredAgo}}) och är inte förnyad. Förnya den, eller markera den som uppsagd om det var planen. Pris: {{price}}.{{lateNote}}' },
      client: { subject: '{{assetName}} har gått ut', text: 'Hej {{recipientName}},\n\n{{assetName}} gick ut {{expiredOn}} och har ännu inte förnyats. Om du vill behålla den, hör av dig till oss så snart som möjligt; priset för förnyelsen är {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'Säg upp senast {{cancelBy}}, annars förnyas: {{assetName}}', text: '{{assetName}} förnyas automatiskt {{renewalOn}} för {{price}}. Säg upp den senast {{cancelBy}} ({{dueIn}}) för att stoppa det.{{lateNote}}' },
      client: { subject: '{{assetName}} förnyas automatiskt {{renewalOn}}', text: 'Hej {{recipientName}},\n\n{{assetName}} förnyas automatiskt {{renewalOn}} för {{price}}. Om du inte längre behöver den, meddela oss senast {{cancelBy}}; efter det datumet kan den inte sägas upp för nästa period.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Förnyelseuppgift: {{assetName}}, senast {{dueOn}}', text: 'Förnyelsen av {{assetName}} (förnyas {{renewalOn}}) är tilldelad {{assigneeName}}. Besluta och agera senast {{dueOn}}.' },
      client: { subject: 'Vi tar hand om förnyelsen av {{assetName}}', text: 'Hej {{recipientName}},\n\nFörnyelsen av {{assetName}}, som ska ske {{renewalOn}}, är planerad och i våra händer. Vi hör av oss om vi behöver något från dig.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Förnyelseuppgift fortfarande öppen: {{assetName}}, förfaller {{dueIn}}', text: 'Förnyelseuppgiften för {{assetName}} är fortfarande öppen och ska vara klar {{dueOn}} ({{dueIn}}); förnyelsedatum är {{renewalOn}}. Tilldelad: {{assigneeName}}. Ta över den eller se till att den blir gjord.' },
      client: { subject: 'Lägesrapport om förnyelsen av {{assetName}}', text: 'Hej {{recipientName}},\n\nFörnyelsen av {{assetName}}, som ska ske {{renewalOn}}, är inte klar ännu. Vi har prioriterat den och ser till att den blir klar i tid.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Förnyelseuppgift: {{assetName}} ({{clientName}}), senast {{dueOn}}', text: 'Förnya {{assetName}} ({{assetIdentifier}}) för {{clientName}}: den förnyas {{renewalOn}}; bestäm och agera senast {{dueOn}}. Ansvarig: {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Förnyelse av {{assetName}}', text: 'Hej {{recipientName}},\n\nFörnyelsen av {{assetName}}, som ska ske {{renewalOn}}, är planerad och i våra händer.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Automatisk förnyelse uteblev: {{assetName}}', text: '{{assetName}} skulle ha förnyats automatiskt {{renewalOn}} (leverantör: {{provider}}), men {{graceEndedOn}} hade utgångsdatumet fortfarande inte flyttats fram. Kontrollera betalningssättet hos leverantören och förnya manuellt.' },
      client: { subject: 'Den automatiska förnyelsen av {{assetName}} behöver åtgärdas', text: 'Hej {{recipientName}},\n\n{{assetName}} skulle ha förnyats automatiskt {{renewalOn}}, men förnyelsen har inte gått igenom. Vi undersöker saken och hör av oss om vi behöver något från dig.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'Nytt ärende ({{severity}}) från {{clientName}}: {{title}}', text: '{{clientName}} har ett nytt ärende med allvarlighetsgrad {{severity}}: {{title}}\nFörsta svar senast {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'Vi har tagit emot ditt ärende: {{title}}', text: 'Hej {{recipientName}},\n\nVi har tagit emot ditt ärende "{{title}}" (allvarlighetsgrad: {{severity}}). {{workStart}}\nDu hör från oss senast {{firstResponseDue}}. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Svar skickat: {{title}}', text: '{{authorName}} svarade i ärendet "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Nytt svar i ditt ärende: {{title}}', text: 'Hej {{recipientName}},\n\n{{authorName}} har svarat i ditt ärende "{{title}}":\n\n{{excerpt}}\n\nÖppna ärendet för att läsa hela svaret eller svara.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: '{{clientName}} har svarat: {{title}}', text: '{{authorName}} ({{clientName}}) skrev i ärendet "{{title}}" ({{severity}}):\n\n{{excerpt}}' },
      client: { subject: 'Vi har tagit emot ditt svar: {{title}}', text: 'Hej {{recipientName}},\n\nVi har tagit emot ditt svar i ärendet "{{title}}" och återkommer till dig.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Ärende tilldelat {{assigneeName}}: {{title}}', text: 'Ärendet "{{title}}" ({{severity}}) från {{clientName}} är tilldelat {{assigneeName}}.' },
      client: { subject: 'Ditt ärende hanteras: {{title}}', text: 'Hej {{recipientName}},\n\nDitt ärende "{{title}}" har lämnats till en person i vårt team som tar hand om det härifrån.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: '{{percentUsed}} av tiden för {{clockName}} har gått: {{title}}', text: 'Ärendet "{{title}}" ({{severity}}) från {{clientName}} har använt {{percentUsed}} av tiden för {{clockName}}. Tidsgränsen är {{dueAt}}.' },
      client: { subject: 'Ditt ärende följs upp: {{title}}', text: 'Hej {{recipientName}},\n\nDitt ärende "{{title}}" följs upp; vi håller oss till tidsgränsen för {{clockName}}, {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'SLA överskridet ({{clockName}}): {{title}}', text: 'Tidsgränsen för {{clockName}} i ärendet "{{title}}" ({{severity}}) från {{clientName}} var {{dueAt}} och har passerats.' },
      client: { subject: 'Ditt ärende tar längre tid än utlovat: {{title}}', text: 'Hej {{recipientName}},\n\nVi klarade inte tidsgränsen för {{clockName}} i ditt ärende "{{title}}", som var {{dueAt}}. Vi ber om ursäkt och prioriterar ärendet.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'SLA-rapporten för {{month}} är klar: {{clientName}}', text: 'SLA-rapporten för {{clientName}} för {{month}} är klar.{{uptimeLine}}{{creditLine}}\nPDF: {{pdfUrl}}' },
      client: { subject: 'Din servicerapport för {{month}}', text: 'Hej {{recipientName}},\n\nDin servicerapport för {{month}} är klar.{{uptimeLine}}{{creditLine}}\n\nLadda ner den som PDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Faktura {{invoiceNumber}} utfärdad: {{clientName}}', text: 'Faktura {{invoiceNumber}} på {{total}} har utfärdats till {{clientName}}; {{amountDue}} ska betalas senast {{dueOn}}.{{chargeLine}}\n{{url}}' },
      client: { subject: 'Faktura {{invoiceNumber}} från {{agencyName}}', text: 'Hej {{recipientName}},\n\nDin faktura {{invoiceNumber}} på {{total}} är klar; {{amountDue}} ska betalas senast {{dueOn}}.{{chargeLine}}\n\nVisa och betala den: {{url}}\nPDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betalning mottagen: faktura {{invoiceNumber}}', text: '{{amount}} betalades för faktura {{invoiceNumber}} den {{paidAt}}.{{methodLine}}' },
      client: { subject: 'Tack för din betalning', text: 'Hej {{recipientName}},\n\nVi har tagit emot {{amount}} för faktura {{invoiceNumber}} den {{paidAt}}. Tack!{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Betalning misslyckades: faktura {{invoiceNumber}} ({{clientName}})', text: 'Betalningen på {{amount}} från {{clientName}} för faktura {{invoiceNumber}} misslyckades (försök {{attempt}}): {{reason}}\n{{retryNote}}' },
      client: { subject: 'Din betalning för faktura {{invoiceNumber}} gick inte igenom', text: 'Hej {{recipientName}},\n\nVi kunde inte dra {{amount}} för faktura {{invoiceNumber}}. Orsak: {{reason}}\n{{retryNote}}\n\nBetala nu: {{payUrl}}\nUppdatera ditt betalningssätt: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Fortfarande obetald efter {{attempts}} försök: faktura {{invoiceNumber}} ({{clientName}})', text: 'De automatiska betalningsförsöken för faktura {{invoiceNumber}} ({{clientName}}) är slut: {{attempts}} försök misslyckades och {{amountDue}} återstår att betala. Senaste orsak: {{lastReason}}\nKontakta kunden eller markera fakturan som kundförlust: {{url}}' },
      client: { subject: 'Faktura {{invoiceNumber}} är fortfarande obetald', text: 'Hej {{recipientName}},\n\nVi kunde inte dra {{amountDue}} för faktura {{invoiceNumber}} och gör inga fler automatiska försök. Du kan betala den här: {{url}}\nHör gärna av dig om något inte stämmer.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Godkänn en debitering på {{amount}}: {{clientName}}', text: 'En debitering på {{amount}} hos {{clientName}} för faktura {{invoiceNumber}} är planerad till den {{chargeOn}} och väntar på godkännande.{{thresholdLine}}\nGodkänn eller avslå den: {{url}}' },
      client: { subject: 'Kommande betalning för faktura {{invoiceNumber}}', text: 'Hej {{recipientName}},\n\nBetalningen på {{amount}} för faktura {{invoiceNumber}}, planerad till den {{chargeOn}}, granskas innan den dras.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Betalningssättet går ut före nästa debitering: {{clientName}}', text: '{{methodLabel}} ({{clientName}}) gäller till och med {{validThrough}}; nästa debitering är den {{nextChargeOn}}.\nBetalningssätt: {{methodsUrl}}' },
      client: { subject: 'Uppdatera ditt betalningssätt {{methodLabel}}', text: 'Hej {{recipientName}},\n\nDitt sparade betalningssätt {{methodLabel}} gäller till och med {{validThrough}}, men nästa betalning sker den {{nextChargeOn}}. Uppdatera det så att betalningen går igenom: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Aviseringskanal trasig: {{channelName}}', text: 'Meddelanden till {{channelName}} kan inte levereras: {{reason}}\nRätta inställningarna och skicka ett testmeddelande; till dess används din reservkanal.' },
      client: { subject: 'Vi når dig inte via {{channelName}}', text: 'Hej {{recipientName}},\n\nMeddelanden till {{channelName}} kan inte levereras: {{reason}}\nKontrollera gärna adressen med oss.\n\n{{agencyName}}' },
    },
  },
};
