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
      staff: { subject: 'Fornyelse om {{daysLeft}} dage: {{assetName}}', text: '{{assetName}} udløber {{expiresOn}}. Pris for fornyelse: {{price}}.' },
      client: { subject: 'Påmindelse om fornyelse: {{assetName}}', text: 'Hej {{recipientName}},\n\n{{assetName}} skal fornyes senest {{expiresOn}}. Prisen for fornyelsen er {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Betaling modtaget: faktura {{invoiceNumber}}', text: '{{amount}} blev betalt for faktura {{invoiceNumber}} den {{paidAt}}.' },
      client: { subject: 'Tak for din betaling', text: 'Hej {{recipientName}},\n\nVi har modtaget {{amount}} for faktura {{invoiceNumber}} den {{paidAt}}. Tak.\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Notifikationskanal virker ikke: {{channelName}}', text: 'Beskeder til {{channelName}} kan ikke leveres: {{reason}}\nRet indstillingerne og send en testbesked; indtil da bruges din reservekanal.' },
      client: { subject: 'Vi kan ikke nå dig via {{channelName}}', text: 'Hej {{recipientName}},\n\nBeskeder til {{channelName}} kan ikke leveres: {{reason}}\nTjek venligst adressen med os.\n\n{{agencyName}}' },
    },
  },
};
