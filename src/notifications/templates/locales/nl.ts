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
      staff: { subject: 'Verlenging over {{daysLeft}} dagen: {{assetName}}', text: '{{assetName}} verloopt op {{expiresOn}}. Verlengingsprijs: {{price}}.' },
      client: { subject: 'Verlengingsbericht: {{assetName}}', text: 'Hallo {{recipientName}},\n\n{{assetName}} moet uiterlijk {{expiresOn}} verlengd worden. De prijs van de verlenging is {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betaling ontvangen: factuur {{invoiceNumber}}', text: '{{amount}} is betaald voor factuur {{invoiceNumber}} op {{paidAt}}.' },
      client: { subject: 'Bedankt voor uw betaling', text: 'Hallo {{recipientName}},\n\nWe hebben {{amount}} ontvangen voor factuur {{invoiceNumber}} op {{paidAt}}. Hartelijk dank.\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Meldingskanaal werkt niet: {{channelName}}', text: 'Berichten naar {{channelName}} kunnen niet worden afgeleverd: {{reason}}\nPas de instellingen aan en stuur een testbericht; tot dan wordt uw reservekanaal gebruikt.' },
      client: { subject: 'We bereiken u niet via {{channelName}}', text: 'Hallo {{recipientName}},\n\nBerichten naar {{channelName}} kunnen niet worden afgeleverd: {{reason}}\nWilt u het adres met ons nakijken?\n\n{{agencyName}}' },
    },
  },
};
