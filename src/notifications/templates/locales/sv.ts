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
      staff: { subject: 'Förnyelse om {{daysLeft}} dagar: {{assetName}}', text: '{{assetName}} går ut {{expiresOn}}. Förnyelsepris: {{price}}.' },
      client: { subject: 'Påminnelse om förnyelse: {{assetName}}', text: 'Hej {{recipientName}},\n\n{{assetName}} ska förnyas senast {{expiresOn}}. Priset för förnyelsen är {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betalning mottagen: faktura {{invoiceNumber}}', text: '{{amount}} betalades för faktura {{invoiceNumber}} den {{paidAt}}.' },
      client: { subject: 'Tack för din betalning', text: 'Hej {{recipientName}},\n\nVi har tagit emot {{amount}} för faktura {{invoiceNumber}} den {{paidAt}}. Tack!\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Aviseringskanal trasig: {{channelName}}', text: 'Meddelanden till {{channelName}} kan inte levereras: {{reason}}\nRätta inställningarna och skicka ett testmeddelande; till dess används din reservkanal.' },
      client: { subject: 'Vi når dig inte via {{channelName}}', text: 'Hej {{recipientName}},\n\nMeddelanden till {{channelName}} kan inte levereras: {{reason}}\nKontrollera gärna adressen med oss.\n\n{{agencyName}}' },
    },
  },
};
