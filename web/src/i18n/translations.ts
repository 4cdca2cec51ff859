import type { Messages } from './en.ts';
import { importDa, importFr, importNl, importRu, importSv } from './import-messages.ts';

/** The other languages of the staff app and the portal. Missing keys fall back to English. */
export const fr: Messages = {
  ...importFr,
  'nav.dashboard': 'Tableau de bord', 'nav.assets': 'Services', 'nav.clients': 'Clients', 'nav.signOut': 'Se déconnecter', 'nav.language': 'Langue',
  'common.loading': 'Chargement…', 'common.save': 'Enregistrer', 'common.cancel': 'Annuler', 'common.all': 'Tous', 'common.more': 'Afficher plus',
  'common.notAllowed': "Vous n'avez pas accès à cette page.",
  'setup.title': 'Configurer Upkeep', 'setup.intro': 'Créez le compte propriétaire. Le jeton de configuration a été affiché au démarrage.',
  'setup.token': 'Jeton de configuration', 'setup.submit': 'Créer le propriétaire',
  'signIn.title': 'Connexion', 'signIn.email': 'E-mail', 'signIn.password': 'Mot de passe', 'signIn.name': 'Votre nom', 'signIn.submit': 'Se connecter',
  'signIn.failed': "L'e-mail ou le mot de passe est incorrect.",
  'dashboard.title': 'À traiter', 'dashboard.renewingIn': 'Renouvellements sous {days} jours', 'dashboard.expired': 'Expirés',
  'dashboard.unowned': 'Sans responsable', 'dashboard.assets': '{count} services',
  'assets.title': 'Services', 'assets.new': 'Nouveau service', 'assets.search': 'Rechercher', 'assets.kind': 'Type', 'assets.status': 'Statut',
  'assets.client': 'Client', 'assets.project': 'Projet', 'assets.renewingWithin': 'Renouvellement sous', 'assets.days': '{days} jours', 'assets.name': 'Nom',
  'assets.identifier': 'Identifiant', 'assets.expiresOn': 'Renouvellement le', 'assets.daysLeft': 'Jours restants', 'assets.yearlyCost': 'Coût annuel',
  'assets.renewalPrice': 'Prix de renouvellement', 'assets.currency': 'Devise', 'assets.billingCycle': 'Facturation', 'assets.autoRenew': 'Renouvellement automatique',
  'assets.empty': 'Aucun service ne correspond.', 'assets.created': 'Service enregistré.',
  'clients.title': 'Clients', 'clients.new': 'Nouveau client', 'clients.name': 'Nom', 'clients.currency': 'Devise', 'clients.projects': 'Projets',
  'clients.newProject': 'Nouveau projet', 'clients.empty': 'Aucun client pour le moment.',
  'kind.domain': 'Domaine', 'kind.hosting': 'Hébergement', 'kind.certificate': 'Certificat', 'kind.licence': 'Licence', 'kind.subscription': 'Abonnement',
  'kind.backup': 'Sauvegarde', 'kind.other': 'Autre',
  'status.active': 'Actif', 'status.expiring': 'Expire bientôt', 'status.expired': 'Expiré', 'status.renewing': 'En renouvellement', 'status.cancelled': 'Résilié', 'status.retired': 'Retiré',
  'cycle.monthly': 'Mensuel', 'cycle.quarterly': 'Trimestriel', 'cycle.yearly': 'Annuel', 'cycle.multi-year': 'Pluriannuel', 'cycle.one-off': 'Ponctuel',
};

export const sv: Messages = {
  ...importSv,
  'nav.dashboard': 'Översikt', 'nav.assets': 'Tjänster', 'nav.clients': 'Kunder', 'nav.signOut': 'Logga ut', 'nav.language': 'Språk',
  'common.loading': 'Laddar…', 'common.save': 'Spara', 'common.cancel': 'Avbryt', 'common.all': 'Alla', 'common.more': 'Visa fler',
  'common.notAllowed': 'Du har inte behörighet att se den här sidan.',
  'signIn.title': 'Logga in', 'signIn.email': 'E-post', 'signIn.password': 'Lösenord', 'signIn.submit': 'Logga in', 'signIn.failed': 'E-postadressen eller lösenordet är fel.',
  'dashboard.title': 'Kräver uppmärksamhet', 'dashboard.renewingIn': 'Förnyas inom {days} dagar', 'dashboard.expired': 'Utgångna', 'dashboard.unowned': 'Utan ansvarig',
  'dashboard.assets': '{count} tjänster',
  'assets.title': 'Tjänster', 'assets.new': 'Ny tjänst', 'assets.search': 'Sök', 'assets.kind': 'Typ', 'assets.status': 'Status', 'assets.client': 'Kund',
  'assets.project': 'Projekt', 'assets.renewingWithin': 'Förnyas inom', 'assets.days': '{days} dagar', 'assets.name': 'Namn', 'assets.identifier': 'Identifierare',
  'assets.expiresOn': 'Förnyas', 'assets.daysLeft': 'Dagar kvar', 'assets.yearlyCost': 'Årskostnad', 'assets.empty': 'Inga tjänster matchar.',
  'clients.title': 'Kunder', 'clients.new': 'Ny kund', 'clients.name': 'Namn', 'clients.empty': 'Inga kunder ännu.',
  'kind.domain': 'Domän', 'kind.hosting': 'Webbhotell', 'kind.certificate': 'Certifikat', 'kind.licence': 'Licens', 'kind.subscription': 'Prenumeration', 'kind.backup': 'Backup', 'kind.other': 'Övrigt',
  'status.active': 'Aktiv', 'status.expiring': 'Går ut snart', 'status.expired': 'Utgången', 'status.renewing': 'Förnyas', 'status.cancelled': 'Uppsagd', 'status.retired': 'Avvecklad',
};

export const nl: Messages = {
  ...importNl,
  'nav.dashboard': 'Dashboard', 'nav.assets': 'Diensten', 'nav.clients': 'Klanten', 'nav.signOut': 'Uitloggen', 'nav.language': 'Taal',
  'common.loading': 'Laden…', 'common.save': 'Opslaan', 'common.cancel': 'Annuleren', 'common.all': 'Alle', 'common.more': 'Meer tonen',
  'common.notAllowed': 'U hebt geen toegang tot deze pagina.',
  'signIn.title': 'Inloggen', 'signIn.email': 'E-mail', 'signIn.password': 'Wachtwoord', 'signIn.submit': 'Inloggen', 'signIn.failed': 'Het e-mailadres of wachtwoord klopt niet.',
  'dashboard.title': 'Vraagt aandacht', 'dashboard.renewingIn': 'Verlengt binnen {days} dagen', 'dashboard.expired': 'Verlopen', 'dashboard.unowned': 'Zonder eigenaar',
  'dashboard.assets': '{count} diensten',
  'assets.title': 'Diensten', 'assets.new': 'Nieuwe dienst', 'assets.search': 'Zoeken', 'assets.kind': 'Soort', 'assets.status': 'Status', 'assets.client': 'Klant',
  'assets.project': 'Project', 'assets.renewingWithin': 'Verlengt binnen', 'assets.days': '{days} dagen', 'assets.name': 'Naam', 'assets.identifier': 'Kenmerk',
  'assets.expiresOn': 'Verlengt op', 'assets.daysLeft': 'Dagen over', 'assets.yearlyCost': 'Jaarkosten', 'assets.empty': 'Geen diensten gevonden.',
  'clients.title': 'Klanten', 'clients.new': 'Nieuwe klant', 'clients.name': 'Naam', 'clients.empty': 'Nog geen klanten.',
  'kind.domain': 'Domein', 'kind.hosting': 'Hosting', 'kind.certificate': 'Certificaat', 'kind.licence': 'Licentie', 'kind.subscription': 'Abonnement', 'kind.backup': 'Back-up', 'kind.other': 'Overig',
  'status.active': 'Actief', 'status.expiring': 'Verloopt binnenkort', 'status.expired': 'Verlopen', 'status.renewing': 'Wordt verlengd', 'status.cancelled': 'Opgezegd', 'status.retired': 'Uitgefaseerd',
};

export const da: Messages = {
  ...importDa,
  'nav.dashboard': 'Overblik', 'nav.assets': 'Tjenester', 'nav.clients': 'Kunder', 'nav.signOut': 'Log ud', 'nav.language': 'Sprog',
  'common.loading': 'Indlæser…', 'common.save': 'Gem', 'common.cancel': 'Annuller', 'common.all': 'Alle', 'common.more': 'Vis flere',
  'common.notAllowed': 'Du har ikke adgang til denne side.',
  'signIn.title': 'Log ind', 'signIn.email': 'E-mail', 'signIn.password': 'Adgangskode', 'signIn.submit': 'Log ind', 'signIn.failed': 'E-mailen eller adgangskoden er forkert.',
  'dashboard.title': 'Kræver opmærksomhed', 'dashboard.renewingIn': 'Fornyes inden for {days} dage', 'dashboard.expired': 'Udløbet', 'dashboard.unowned': 'Uden ansvarlig',
  'dashboard.assets': '{count} tjenester',
  'assets.title': 'Tjenester', 'assets.new': 'Ny tjeneste', 'assets.search': 'Søg', 'assets.kind': 'Type', 'assets.status': 'Status', 'assets.client': 'Kunde',
  'assets.project': 'Projekt', 'assets.renewingWithin': 'Fornyes inden for', 'assets.days': '{days} dage', 'assets.name': 'Navn', 'assets.identifier': 'Identifikator',
  'assets.expiresOn': 'Fornyes', 'assets.daysLeft': 'Dage tilbage', 'assets.yearlyCost': 'Årlig pris', 'assets.empty': 'Ingen tjenester matcher.',
  'clients.title': 'Kunder', 'clients.new': 'Ny kunde', 'clients.name': 'Navn', 'clients.empty': 'Ingen kunder endnu.',
  'kind.domain': 'Domæne', 'kind.hosting': 'Hosting', 'kind.certificate': 'Certifikat', 'kind.licence': 'Licens', 'kind.subscription': 'Abonnement', 'kind.backup': 'Backup', 'kind.other': 'Andet',
  'status.active': 'Aktiv', 'status.expiring': 'Udløber snart', 'status.expired': 'Udløbet', 'status.renewing': 'Fornyes', 'status.cancelled': 'Opsagt', 'status.retired': 'Udfaset',
};

export const ru: Messages = {
  ...importRu,
  'nav.dashboard': 'Сводка', 'nav.assets': 'Услуги', 'nav.clients': 'Клиенты', 'nav.signOut': 'Выйти', 'nav.language': 'Язык',
  'common.loading': 'Загрузка…', 'common.save': 'Сохранить', 'common.cancel': 'Отмена', 'common.all': 'Все', 'common.more': 'Показать ещё',
  'common.notAllowed': 'У вас нет доступа к этой странице.',
  'signIn.title': 'Вход', 'signIn.email': 'Эл. почта', 'signIn.password': 'Пароль', 'signIn.submit': 'Войти', 'signIn.failed': 'Неверная почта или пароль.',
  'dashboard.title': 'Требует внимания', 'dashboard.renewingIn': 'Продление в ближайшие {days} дн.', 'dashboard.expired': 'Истекли', 'dashboard.unowned': 'Без ответственного',
  'dashboard.assets': 'Услуг: {count}',
  'assets.title': 'Услуги', 'assets.new': 'Новая услуга', 'assets.search': 'Поиск', 'assets.kind': 'Тип', 'assets.status': 'Статус', 'assets.client': 'Клиент',
  'assets.project': 'Проект', 'assets.renewingWithin': 'Продление в течение', 'assets.days': '{days} дн.', 'assets.name': 'Название', 'assets.identifier': 'Идентификатор',
  'assets.expiresOn': 'Дата продления', 'assets.daysLeft': 'Осталось дней', 'assets.yearlyCost': 'В год', 'assets.empty': 'Ничего не найдено.',
  'clients.title': 'Клиенты', 'clients.new': 'Новый клиент', 'clients.name': 'Название', 'clients.empty': 'Клиентов пока нет.',
  'kind.domain': 'Домен', 'kind.hosting': 'Хостинг', 'kind.certificate': 'Сертификат', 'kind.licence': 'Лицензия', 'kind.subscription': 'Подписка', 'kind.backup': 'Резервная копия', 'kind.other': 'Другое',
  'status.active': 'Активна', 'status.expiring': 'Скоро истекает', 'status.expired': 'Истекла', 'status.renewing': 'Продлевается', 'status.cancelled': 'Отменена', 'status.retired': 'Выведена',
};
