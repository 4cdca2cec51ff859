import type { LocalePack } from '../pack.ts';

export const fr: LocalePack = {
  yes: 'oui',
  no: 'non',
  none: '—',
  acknowledge: 'Acquitter',
  open: 'Ouvrir dans Upkeep',
  severity: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible', info: 'info' },
  digest: { subject: '{{count}} notifications de {{agencyName}}', intro: 'Bonjour {{recipientName}}, voici ce qui s’est passé :' },
  test: { subject: 'Message de test de {{agencyName}}', text: 'Ceci est un message de test pour le canal {{channelName}}. Si vous pouvez le lire, le canal fonctionne.' },
  templates: {
    'incident.opened': {
      staff: { subject: 'Hors service : {{monitorName}}', text: '{{monitorName}} ({{target}}) est hors service depuis {{startedAt}}.\nCause : {{cause}}' },
      client: { subject: 'Perturbation du service : {{monitorName}}', text: 'Bonjour {{recipientName}},\n\nNous avons détecté un problème sur {{monitorName}} depuis {{startedAt}} et nous y travaillons. Nous vous tiendrons informé.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Mise à jour : {{monitorName}}', text: '{{monitorName}} ({{target}}) : {{message}}' },
      client: { subject: 'Mise à jour concernant {{monitorName}}', text: 'Bonjour {{recipientName}},\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Résolu : {{monitorName}}', text: '{{monitorName}} ({{target}}) fonctionne de nouveau depuis {{resolvedAt}}, après {{downtime}} d’interruption.' },
      client: { subject: 'Résolu : {{monitorName}}', text: 'Bonjour {{recipientName}},\n\n{{monitorName}} fonctionne normalement depuis {{resolvedAt}}. La perturbation a duré {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Le certificat expire dans {{daysLeft}} jours : {{host}}', text: 'Le certificat TLS de {{host}} ({{monitorName}}, émis par {{issuer}}) expire le {{validTo}}.' },
      client: { subject: 'Le certificat de sécurité de {{host}} expire bientôt', text: 'Bonjour {{recipientName}},\n\nLe certificat de sécurité de {{host}} expire le {{validTo}}, dans {{daysLeft}} jours. Nous nous chargeons de son renouvellement.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Le domaine expire dans {{daysLeft}} jours : {{domain}}', text: '{{domain}} expire le {{expiresOn}} (bureau d’enregistrement : {{registrar}}).' },
      client: { subject: 'Votre domaine {{domain}} expire le {{expiresOn}}', text: 'Bonjour {{recipientName}},\n\nVotre domaine {{domain}} expire le {{expiresOn}}, dans {{daysLeft}} jours. Dites-nous s’il doit être renouvelé.\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'En retard : {{monitorName}}', text: '{{monitorName}} ne s’est pas manifesté. Attendu avant {{expectedBy}} ; dernier signal {{lastPingAt}}.' },
      client: { subject: 'Une tâche planifiée est en retard : {{monitorName}}', text: 'Bonjour {{recipientName}},\n\nLa tâche planifiée {{monitorName}} ne s’est pas signalée à temps (attendue avant {{expectedBy}}). Nous examinons la situation.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: 'Renouvellement dans {{daysLeft}} jours : {{assetName}}', text: '{{assetName}} expire le {{expiresOn}}. Prix du renouvellement : {{price}}.' },
      client: { subject: 'Avis de renouvellement : {{assetName}}', text: 'Bonjour {{recipientName}},\n\n{{assetName}} doit être renouvelé le {{expiresOn}}. Le prix du renouvellement est de {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Paiement reçu : facture {{invoiceNumber}}', text: '{{amount}} a été payé pour la facture {{invoiceNumber}} le {{paidAt}}.' },
      client: { subject: 'Merci pour votre paiement', text: 'Bonjour {{recipientName}},\n\nNous avons reçu {{amount}} pour la facture {{invoiceNumber}} le {{paidAt}}. Merci.\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Canal de notification hors d’usage : {{channelName}}', text: 'Les messages vers {{channelName}} ne peuvent pas être remis : {{reason}}\nCorrigez ses réglages et envoyez un message de test ; en attendant, votre canal de secours est utilisé.' },
      client: { subject: 'Nous ne pouvons pas vous joindre via {{channelName}}', text: 'Bonjour {{recipientName}},\n\nLes messages vers {{channelName}} ne peuvent pas être remis : {{reason}}\nMerci de vérifier l’adresse avec nous.\n\n{{agencyName}}' },
    },
  },
};
