/** Strings of the app's frame and dashboard extras, by language (English complete). */
export const shellEn = {
  'notAllowed.title': 'Not allowed',
  'notAllowed.text': 'Your role does not let you open this page. Ask an owner or admin of your agency if you need it.',
  'notAllowed.home': 'Back to the dashboard',
  'session.expired': 'Your session has ended. Sign in again.',
  'dashboard.incidents': 'Open incidents',
  'dashboard.tasks': 'Overdue renewal tasks',
  'dashboard.sla': 'SLA at risk',
  'dashboard.payments': 'Failed payments',
  'dashboard.notYet': 'Not set up yet',
  'demo.title': 'An empty registry',
  'demo.text': 'Add your first client, import a spreadsheet, or look around with a demo agency: a dozen clients and a few hundred services.',
  'demo.load': 'Load the demo agency',
  'demo.loading': 'Loading the demo agency…',
  'assets.owner': 'Owner',
  'assets.ownerMe': 'Me',
  'assets.ownerNone': 'Nobody',
  'assets.tag': 'Tag',
} as const;

type Partial_ = Partial<Record<keyof typeof shellEn, string>>;
export const shellFr: Partial_ = {
  'notAllowed.title': 'Accès refusé',
  'notAllowed.text': "Votre rôle ne permet pas d'ouvrir cette page. Demandez à un propriétaire ou administrateur de votre agence si vous en avez besoin.",
  'notAllowed.home': 'Retour au tableau de bord',
  'session.expired': 'Votre session a pris fin. Reconnectez-vous.',
  'dashboard.incidents': 'Incidents ouverts',
  'dashboard.tasks': 'Tâches de renouvellement en retard',
  'dashboard.sla': 'SLA menacés',
  'dashboard.payments': 'Paiements échoués',
  'dashboard.notYet': 'Pas encore configuré',
  'demo.title': 'Un registre vide',
  'demo.text': "Ajoutez votre premier client, importez un tableur, ou découvrez Upkeep avec une agence de démonstration : une douzaine de clients et quelques centaines de services.",
  'demo.load': "Charger l'agence de démonstration",
  'demo.loading': "Chargement de l'agence de démonstration…",
  'assets.owner': 'Responsable',
  'assets.ownerMe': 'Moi',
  'assets.ownerNone': 'Personne',
  'assets.tag': 'Étiquette',
};
export const shellSv: Partial_ = {};
export const shellNl: Partial_ = {};
export const shellDa: Partial_ = {};
export const shellRu: Partial_ = {};
