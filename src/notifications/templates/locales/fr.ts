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
  renewal: {
    label: { renewal: 'Renouvellement', pay: 'Paiement' },
    notice: { renewal: 'Avis de renouvellement', pay: 'Rappel de paiement' },
    late: 'Ce rappel arrive en retard : son jour est passé pendant qu’Upkeep était arrêté.',
  },
  desk: {
    clock: { 'first-response': 'première réponse', resolution: 'résolution' },
    startsNow: 'Nous commençons à la traiter dès maintenant.',
    startsAt: 'Elle est arrivée en dehors de nos heures de support ; nous commencerons à la traiter le {{workStartsAt}}.',
    resolutionDue: 'Nous visons une résolution au plus tard le {{resolutionDue}}.',
    noResolution: 'Cette gravité n’a pas de délai de résolution ; nous la traitons dans l’ordre d’arrivée.',
    uptime: 'Disponibilité : {{uptimePercent}} (garantie : {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Disponibilité : {{uptimePercent}}.',
    credit: 'Avoir de service qui vous est dû : {{credit}}.',
  },
  billing: {
    autoChargeOn: 'Elle sera prélevée automatiquement sur le moyen de paiement enregistré le {{chargeOn}}.',
    autoCharge: 'Elle sera prélevée automatiquement sur le moyen de paiement enregistré.',
    retryOn: 'Une nouvelle tentative aura lieu le {{nextRetryOn}}.',
    noRetry: 'Aucune nouvelle tentative automatique n’aura lieu.',
    method: 'Payé avec {{method}}.',
    receipt: 'Reçu : {{receiptUrl}}',
    threshold: 'Les prélèvements au-delà de {{threshold}} doivent être approuvés.',
  },
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
      staff: { subject: '{{reminderLabel}} {{dueIn}} : {{assetName}}', text: '{{assetName}} expire le {{expiresOn}}. Prix du renouvellement : {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}} : {{assetName}}', text: 'Bonjour {{recipientName}},\n\n{{assetName}} doit être renouvelé le {{expiresOn}} ({{dueIn}}). Le prix du renouvellement est de {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Expiré : {{assetName}}', text: '{{assetName}} a expiré le {{expiredOn}} ({{expiredAgo}}) et n’est pas renouvelé. Renouvelez-le, ou marquez-le comme résilié si c’était prévu. Prix : {{price}}.{{lateNote}}' },
      client: { subject: '{{assetName}} a expiré', text: 'Bonjour {{recipientName}},\n\n{{assetName}} a expiré le {{expiredOn}} et n’a pas encore été renouvelé. Si vous souhaitez le conserver, merci de nous le faire savoir au plus vite ; le prix du renouvellement est de {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'À résilier au plus tard le {{cancelBy}}, sinon renouvelé : {{assetName}}', text: '{{assetName}} se renouvelle automatiquement le {{renewalOn}} pour {{price}}. Pour l’arrêter, résiliez au plus tard le {{cancelBy}} ({{dueIn}}).{{lateNote}}' },
      client: { subject: '{{assetName}} se renouvelle automatiquement le {{renewalOn}}', text: 'Bonjour {{recipientName}},\n\n{{assetName}} se renouvelle automatiquement le {{renewalOn}} pour {{price}}. Si vous n’en avez plus besoin, merci de nous le dire au plus tard le {{cancelBy}} ; passé cette date, il ne pourra plus être résilié pour la période à venir.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Tâche de renouvellement : {{assetName}}, au plus tard le {{dueOn}}', text: 'Le renouvellement de {{assetName}} (échéance le {{renewalOn}}) est confié à {{assigneeName}}. À décider et à traiter au plus tard le {{dueOn}}.' },
      client: { subject: 'Nous nous occupons du renouvellement de {{assetName}}', text: 'Bonjour {{recipientName}},\n\nLe renouvellement de {{assetName}}, prévu le {{renewalOn}}, est planifié et entre nos mains. Nous vous contacterons si nous avons besoin de quoi que ce soit.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Tâche de renouvellement toujours ouverte : {{assetName}}, échéance {{dueIn}}', text: 'La tâche de renouvellement de {{assetName}} est toujours ouverte et doit être terminée le {{dueOn}} ({{dueIn}}) ; la date de renouvellement est le {{renewalOn}}. Assignée à : {{assigneeName}}. Reprenez-la ou assurez-vous qu’elle soit faite.' },
      client: { subject: 'Point sur le renouvellement de {{assetName}}', text: 'Bonjour {{recipientName}},\n\nLe renouvellement de {{assetName}}, prévu le {{renewalOn}}, n’est pas encore terminé. Nous l’avons rendu prioritaire et veillerons à ce qu’il soit fait à temps.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Tâche de renouvellement : {{assetName}} ({{clientName}}), avant le {{dueOn}}', text: 'Renouveler {{assetName}} ({{assetIdentifier}}) pour {{clientName}} : renouvellement le {{renewalOn}} ; décider et agir avant le {{dueOn}}. Responsable : {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Renouvellement de {{assetName}}', text: 'Bonjour {{recipientName}},\n\nLe renouvellement de {{assetName}}, prévu le {{renewalOn}}, est planifié et entre nos mains.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Renouvellement automatique non effectué : {{assetName}}', text: '{{assetName}} aurait dû se renouveler automatiquement le {{renewalOn}} (fournisseur : {{provider}}), mais au {{graceEndedOn}} sa date d’expiration n’avait pas changé. Vérifiez le moyen de paiement auprès du fournisseur et renouvelez-le manuellement.' },
      client: { subject: 'Le renouvellement automatique de {{assetName}} demande votre attention', text: 'Bonjour {{recipientName}},\n\n{{assetName}} aurait dû se renouveler automatiquement le {{renewalOn}}, mais le renouvellement n’a pas abouti. Nous nous en occupons et vous tiendrons informé si nous avons besoin de vous.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'Nouvelle demande ({{severity}}) de {{clientName}} : {{title}}', text: '{{clientName}} a une nouvelle demande de gravité {{severity}} : {{title}}\nPremière réponse au plus tard le {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'Nous avons bien reçu votre demande : {{title}}', text: 'Bonjour {{recipientName}},\n\nNous avons bien reçu votre demande « {{title}} » (gravité : {{severity}}). {{workStart}}\nVous aurez de nos nouvelles au plus tard le {{firstResponseDue}}. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Réponse envoyée : {{title}}', text: '{{authorName}} a répondu à la demande « {{title}} » ({{severity}}) :\n\n{{excerpt}}' },
      client: { subject: 'Nouvelle réponse à votre demande : {{title}}', text: 'Bonjour {{recipientName}},\n\n{{authorName}} a répondu à votre demande « {{title}} » :\n\n{{excerpt}}\n\nOuvrez la demande pour lire toute la réponse ou pour répondre.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: '{{clientName}} a répondu : {{title}}', text: '{{authorName}} ({{clientName}}) a écrit dans la demande « {{title}} » ({{severity}}) :\n\n{{excerpt}}' },
      client: { subject: 'Nous avons bien reçu votre réponse : {{title}}', text: 'Bonjour {{recipientName}},\n\nNous avons bien reçu votre réponse à la demande « {{title}} » et reviendrons vers vous.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Demande confiée à {{assigneeName}} : {{title}}', text: 'La demande « {{title}} » ({{severity}}) de {{clientName}} est confiée à {{assigneeName}}.' },
      client: { subject: 'Votre demande est prise en charge : {{title}}', text: 'Bonjour {{recipientName}},\n\nVotre demande « {{title}} » a été confiée à un membre de notre équipe, qui s’en occupe désormais.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: '{{percentUsed}} du délai de {{clockName}} écoulé : {{title}}', text: 'La demande « {{title}} » ({{severity}}) de {{clientName}} a utilisé {{percentUsed}} de son délai de {{clockName}}. Échéance : {{dueAt}}.' },
      client: { subject: 'Votre demande est suivie : {{title}}', text: 'Bonjour {{recipientName}},\n\nVotre demande « {{title}} » est suivie ; nous tenons l’objectif de {{clockName}} du {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'SLA dépassé ({{clockName}}) : {{title}}', text: 'L’objectif de {{clockName}} de la demande « {{title}} » ({{severity}}) de {{clientName}} était fixé au {{dueAt}} et il est dépassé.' },
      client: { subject: 'Votre demande prend plus de temps que prévu : {{title}}', text: 'Bonjour {{recipientName}},\n\nNous n’avons pas tenu l’objectif de {{clockName}} de votre demande « {{title}} », fixé au {{dueAt}}. Nous vous prions de nous en excuser et la traitons en priorité.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'Rapport SLA de {{month}} prêt : {{clientName}}', text: 'Le rapport SLA de {{clientName}} pour {{month}} est prêt.{{uptimeLine}}{{creditLine}}\nPDF : {{pdfUrl}}' },
      client: { subject: 'Votre rapport de service de {{month}}', text: 'Bonjour {{recipientName}},\n\nVotre rapport de service pour {{month}} est prêt.{{uptimeLine}}{{creditLine}}\n\nTéléchargez-le en PDF : {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Facture {{invoiceNumber}} émise : {{clientName}}', text: 'La facture {{invoiceNumber}} de {{total}} a été émise pour {{clientName}} ; {{amountDue}} est à payer au plus tard le {{dueOn}}.{{chargeLine}}\n{{url}}' },
      client: { subject: 'Facture {{invoiceNumber}} de {{agencyName}}', text: 'Bonjour {{recipientName}},\n\nVotre facture {{invoiceNumber}} de {{total}} est disponible ; {{amountDue}} est à payer au plus tard le {{dueOn}}.{{chargeLine}}\n\nLa consulter et la payer : {{url}}\nPDF : {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Paiement reçu : facture {{invoiceNumber}}', text: '{{amount}} a été payé pour la facture {{invoiceNumber}} le {{paidAt}}.{{methodLine}}' },
      client: { subject: 'Merci pour votre paiement', text: 'Bonjour {{recipientName}},\n\nNous avons reçu {{amount}} pour la facture {{invoiceNumber}} le {{paidAt}}. Merci.{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Échec du paiement : facture {{invoiceNumber}} ({{clientName}})', text: 'Le paiement de {{amount}} par {{clientName}} pour la facture {{invoiceNumber}} a échoué (tentative {{attempt}}) : {{reason}}\n{{retryNote}}' },
      client: { subject: 'Votre paiement de la facture {{invoiceNumber}} n’a pas abouti', text: 'Bonjour {{recipientName}},\n\nNous n’avons pas pu encaisser {{amount}} pour la facture {{invoiceNumber}}. Motif indiqué : {{reason}}\n{{retryNote}}\n\nPayer maintenant : {{payUrl}}\nMettre à jour votre moyen de paiement : {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Toujours impayée après {{attempts}} tentatives : facture {{invoiceNumber}} ({{clientName}})', text: 'Les tentatives de paiement automatiques de la facture {{invoiceNumber}} ({{clientName}}) sont terminées : {{attempts}} tentatives ont échoué et {{amountDue}} reste dû. Dernier motif : {{lastReason}}\nContactez le client ou classez la facture comme irrécouvrable : {{url}}' },
      client: { subject: 'La facture {{invoiceNumber}} est toujours impayée', text: 'Bonjour {{recipientName}},\n\nNous n’avons pas pu encaisser {{amountDue}} pour la facture {{invoiceNumber}} et ne ferons plus de tentative automatique. Vous pouvez la payer ici : {{url}}\nEn cas de problème, n’hésitez pas à nous contacter.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Prélèvement de {{amount}} à approuver : {{clientName}}', text: 'Un prélèvement de {{amount}} auprès de {{clientName}} pour la facture {{invoiceNumber}} est prévu le {{chargeOn}} et attend une approbation.{{thresholdLine}}\nL’approuver ou le refuser : {{url}}' },
      client: { subject: 'Paiement à venir pour la facture {{invoiceNumber}}', text: 'Bonjour {{recipientName}},\n\nLe paiement de {{amount}} pour la facture {{invoiceNumber}}, prévu le {{chargeOn}}, est en cours de vérification avant d’être prélevé.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Moyen de paiement expirant avant le prochain prélèvement : {{clientName}}', text: '{{methodLabel}} de {{clientName}} est valable jusqu’au {{validThrough}} ; le prochain prélèvement a lieu le {{nextChargeOn}}.\nMoyens de paiement : {{methodsUrl}}' },
      client: { subject: 'Merci de mettre à jour votre moyen de paiement {{methodLabel}}', text: 'Bonjour {{recipientName}},\n\nVotre moyen de paiement enregistré {{methodLabel}} est valable jusqu’au {{validThrough}}, mais votre prochain paiement a lieu le {{nextChargeOn}}. Merci de le mettre à jour pour que le paiement aboutisse : {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Canal de notification hors d’usage : {{channelName}}', text: 'Les messages vers {{channelName}} ne peuvent pas être remis : {{reason}}\nCorrigez ses réglages et envoyez un message de test ; en attendant, votre canal de secours est utilisé.' },
      client: { subject: 'Nous ne pouvons pas vous joindre via {{channelName}}', text: 'Bonjour {{recipientName}},\n\nLes messages vers {{channelName}} ne peuvent pas être remis : {{reason}}\nMerci de vérifier l’adresse avec nous.\n\n{{agencyName}}' },
    },
  },
};
