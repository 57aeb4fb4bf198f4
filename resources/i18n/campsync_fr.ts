<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountButton</name>
    <message>
        <source>Not signed in — Sign in…</source>
        <translation>Non connecté — Se connecter…</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>secret client</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificat</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>Changer de compte…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Signed in as {username} (tenant {tenant}). Flow actions are recorded as done by this account.</source>
        <translation>Connecté en tant que {username} (locataire {tenant}). Les actions de flux sont enregistrées comme effectuées par ce compte.</translation>
    </message>
    <message>
        <source>Signed in as {username}. Flow actions are recorded as done by this account.</source>
        <translation>Connecté en tant que {username}. Les actions de flux sont enregistrées comme effectuées par ce compte.</translation>
    </message>
    <message>
        <source>Sign in with your work account to read from and write to Dynamics.</source>
        <translation>Connectez-vous avec votre compte professionnel pour lire et écrire dans Dynamics.</translation>
    </message>
    <message>
        <source>{actor}: CampSync signs in as the application ({how}), not as a person.</source>
        <translation>{actor}&#xa0;: CampSync se connecte en tant qu&apos;application ({how}), et non en tant que personne.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>CampSync — unexpected error</source>
        <translation>CampSync — erreur inattendue</translation>
    </message>
    <message>
        <source>{error}

The details are in the log file (Help → Open log folder).</source>
        <translation>{error}

Les détails se trouvent dans le fichier journal (Aide → Ouvrir le dossier des journaux).</translation>
    </message>
    <message>
        <source>CampSync — the store cannot be opened</source>
        <translation>CampSync — impossible d&apos;ouvrir la base</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Connection {name} is incomplete: missing {settings}. Open Admin → Connections to finish it.</source>
        <translation>La connexion {name} est incomplète&#xa0;: il manque {settings}. Ouvrez Administration → Connexions pour la compléter.</translation>
    </message>
    <message>
        <source>Connection {name} cannot be used: {problem} Open Admin → Connections to fix it.</source>
        <translation>La connexion {name} ne peut pas être utilisée&#xa0;: {problem} Ouvrez Administration → Connexions pour la corriger.</translation>
    </message>
</context>
<context>
    <name>AutomationListModel</name>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Runs for each person the moment a trigger fires</source>
        <translation>S&apos;exécute pour chaque personne dès qu&apos;un déclencheur se produit</translation>
    </message>
    <message>
        <source>Runs for everyone the smart list qualifies, now or on a schedule</source>
        <translation>S&apos;exécute pour toutes les personnes qualifiées par la liste dynamique, maintenant ou selon une planification</translation>
    </message>
</context>
<context>
    <name>AutomationPanel</name>
    <message>
        <source>Create a trigger campaign (it reacts to what people do) or a batch campaign (it runs for everyone who qualifies, now or on a schedule).</source>
        <translation>Créez une campagne déclenchée (elle réagit aux actions des personnes) ou une campagne par lots (elle s&apos;exécute pour toutes les personnes qualifiées, maintenant ou selon une planification).</translation>
    </message>
    <message>
        <source>The stored definition cannot be read ({error}); saving replaces it.</source>
        <translation>La définition enregistrée est illisible ({error})&#xa0;; l&apos;enregistrement la remplace.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to &apos;{name}&apos;?</source>
        <translation>Enregistrer les modifications de « {name} »&#xa0;?</translation>
    </message>
    <message>
        <source>Delete the trigger campaign &apos;{name}&apos;?

Its results and any people waiting in its flow are deleted too. This cannot be undone.</source>
        <translation>Supprimer la campagne déclenchée « {name} »&#xa0;?

Ses résultats et les personnes en attente dans son flux sont également supprimés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete the batch campaign &apos;{name}&apos;?

Its results and any people waiting in its flow are deleted too. This cannot be undone.</source>
        <translation>Supprimer la campagne par lots « {name} »&#xa0;?

Ses résultats et les personnes en attente dans son flux sont également supprimés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete the {kind} campaign &apos;{name}&apos;?

Its results and any people waiting in its flow are deleted too. This cannot be undone.</source>
        <translation>Supprimer la campagne {kind} « {name} »&#xa0;?

Ses résultats et les personnes en attente dans son flux sont également supprimés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>The campaign is active: it stops at once.</source>
        <translation>La campagne est active&#xa0;: elle s&apos;arrête immédiatement.</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Supprimer la campagne</translation>
    </message>
    <message>
        <source>Deleted &apos;{name}&apos;.</source>
        <translation>« {name} » supprimée.</translation>
    </message>
    <message>
        <source>Saved &apos;{name}&apos;.</source>
        <translation>« {name} » enregistrée.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is active. It runs when a trigger fires.</source>
        <translation>« {name} » est active. Elle s&apos;exécute lorsqu&apos;un déclencheur se produit.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is active.</source>
        <translation>« {name} » est active.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is inactive.</source>
        <translation>« {name} » est inactive.</translation>
    </message>
    <message>
        <source>Cannot run &apos;{name}&apos;:</source>
        <translation>Impossible d&apos;exécuter « {name} »&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AutomationWidgets</name>
    <message>
        <source>Inactive in Dynamics: people cannot be added to or removed from it</source>
        <translation>Inactive dans Dynamics&#xa0;: impossible d&apos;y ajouter ou d&apos;en retirer des personnes</translation>
    </message>
    <message>
        <source>This campaign is not in the org (any more): choose another one</source>
        <translation>Cette campagne n&apos;est pas (ou plus) dans l&apos;organisation&#xa0;: choisissez-en une autre</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Local only (not in Dynamics)</source>
        <translation>Local uniquement (pas dans Dynamics)</translation>
    </message>
    <message>
        <source>activity type, e.g. visited_web_page</source>
        <translation>type d&apos;activité, p. ex. visited_web_page</translation>
    </message>
    <message>
        <source>Choose a campaign…</source>
        <translation>Choisir une campagne…</translation>
    </message>
    <message>
        <source>{campaign} (inactive)</source>
        <translation>{campaign} (inactive)</translation>
    </message>
    <message>
        <source>(not in the org) {id}</source>
        <translation>(pas dans l&apos;organisation) {id}</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>Campaign name</source>
        <translation>Nom de la campagne</translation>
    </message>
    <message>
        <source>Description (optional): what this campaign is for</source>
        <translation>Description (facultative)&#xa0;: à quoi sert cette campagne</translation>
    </message>
    <message>
        <source>Campaign description</source>
        <translation>Description de la campagne</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the name and the definition (Ctrl+S)</source>
        <translation>Enregistrer le nom et la définition (Ctrl+S)</translation>
    </message>
    <message>
        <source>Smart List</source>
        <translation>Liste dynamique</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>CampaignList</name>
    <message>
        <source>Trigger</source>
        <translation>Déclenchée</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Par lots</translation>
    </message>
    <message>
        <source>New trigger campaign</source>
        <translation>Nouvelle campagne déclenchée</translation>
    </message>
    <message>
        <source>Runs for each person the moment something happens</source>
        <translation>S&apos;exécute pour chaque personne dès qu&apos;un événement se produit</translation>
    </message>
    <message>
        <source>New batch campaign</source>
        <translation>Nouvelle campagne par lots</translation>
    </message>
    <message>
        <source>Runs for everyone who qualifies, now or on a schedule</source>
        <translation>S&apos;exécute pour toutes les personnes qualifiées, maintenant ou selon une planification</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Automation campaigns&lt;/b&gt;</source>
        <translation>&lt;b&gt;Campagnes d&apos;automatisation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Stop this campaign (people waiting in its flow resume if it is activated again)</source>
        <translation>Arrêter cette campagne (les personnes en attente dans son flux reprennent si elle est réactivée)</translation>
    </message>
    <message>
        <source>Check the campaign and start it</source>
        <translation>Vérifier la campagne et la démarrer</translation>
    </message>
    <message>
        <source>Check the campaign and turn its schedule on</source>
        <translation>Vérifier la campagne et activer sa planification</translation>
    </message>
</context>
<context>
    <name>CampaignMultiSelect</name>
    <message>
        <source>any campaign</source>
        <translation>n&apos;importe quelle campagne</translation>
    </message>
    <message>
        <source>{first} and {more} more</source>
        <translation>{first} et {more} de plus</translation>
    </message>
</context>
<context>
    <name>CampaignPicker</name>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>Add {count} {noun} to a campaign</source>
        <translation>Ajouter {count} {noun} à une campagne</translation>
    </message>
    <message>
        <source>Type to find a campaign</source>
        <translation>Saisissez du texte pour trouver une campagne</translation>
    </message>
    <message>
        <source>Find a campaign</source>
        <translation>Trouver une campagne</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>Add {count} {noun} to which campaign? The preview comes next.</source>
        <translation>À quelle campagne ajouter {count} {noun}&#xa0;? L&apos;aperçu suit.</translation>
    </message>
    <message>
        <source>No campaign matches.</source>
        <translation>Aucune campagne ne correspond.</translation>
    </message>
    <message>
        <source>No campaign loaded yet.</source>
        <translation>Aucune campagne chargée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Cannot add here: {reason}.</source>
        <translation>Impossible d&apos;ajouter ici&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>By CampSync</source>
        <translation>Par CampSync</translation>
    </message>
    <message>
        <source>In CRM</source>
        <translation>Dans le CRM</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>{name} — {status}</source>
        <translation>{name} — {status}</translation>
    </message>
    <message>
        <source>Drops refused: {reason}</source>
        <translation>Dépôt refusé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Drop people here to add them.</source>
        <translation>Déposez des personnes ici pour les ajouter.</translation>
    </message>
    <message>
        <source>drop people onto a campaign row</source>
        <translation>déposez des personnes sur la ligne d&apos;une campagne</translation>
    </message>
    <message>
        <source>Cannot add {count} people: {reason}.</source>
        <translation>Impossible d&apos;ajouter {count} personnes&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <source>Cannot drop here: {reason}.</source>
        <translation>Impossible de déposer ici&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <source>select one to see who is in it and where each came from</source>
        <translation>sélectionnez-en une pour voir qui en fait partie et d&apos;où vient chacun</translation>
    </message>
    <message>
        <source>Members of a campaign</source>
        <translation>Membres d&apos;une campagne</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dynamics 365 campaigns&lt;/b&gt; — drop people on a campaign to add them</source>
        <translation>&lt;b&gt;Campagnes Dynamics 365&lt;/b&gt; — déposez des personnes sur une campagne pour les ajouter</translation>
    </message>
    <message>
        <source>Remove from Microsoft Campaign</source>
        <translation>Supprimer de Microsoft Campaign</translation>
    </message>
    <message>
        <source>&amp;Copy email</source>
        <translation>&amp;Copier l&apos;e-mail</translation>
    </message>
    <message>
        <source>Show &amp;members</source>
        <translation>Afficher les &amp;membres</translation>
    </message>
    <message>
        <source>&amp;Add selected people…</source>
        <translation>&amp;Ajouter les personnes sélectionnées…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Select people in the people list first.</source>
        <translation>Sélectionnez d&apos;abord des personnes dans la liste des personnes.</translation>
    </message>
    <message>
        <source>Select a campaign first.</source>
        <translation>Sélectionnez d&apos;abord une campagne.</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>adresse e-mail</translation>
    </message>
    <message>
        <source>email addresses</source>
        <translation>adresses e-mail</translation>
    </message>
    <message>
        <source>Copied {count} {addresses}.</source>
        <translation>Copié&#xa0;: {count} {addresses}.</translation>
    </message>
    <message>
        <source>CampSync removes only people its flow actions added; these came from CRM lists.</source>
        <translation>CampSync ne supprime que les personnes ajoutées par ses actions de flux&#xa0;; celles-ci proviennent de listes CRM.</translation>
    </message>
    <message>
        <source>Remove the selected members CampSync added (a preview comes first).</source>
        <translation>Supprimer les membres sélectionnés ajoutés par CampSync (un aperçu s&apos;affiche d&apos;abord).</translation>
    </message>
    <message>
        <source>Members of {campaign}</source>
        <translation>Membres de {campaign}</translation>
    </message>
    <message>
        <source>{flow} added by CampSync, {crm} from CRM lists (locked: CampSync never removes them)</source>
        <translation>{flow} ajoutés par CampSync, {crm} issus de listes CRM (verrouillés&#xa0;: CampSync ne les supprime jamais)</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} membres</translation>
    </message>
    <message>
        <source>Cannot remove {who}: from a CRM list (locked).</source>
        <translation>Impossible de supprimer {who}&#xa0;: provient d&apos;une liste CRM (verrouillé).</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>No automation campaigns yet (create them in the window, or campsync automation import FILE).</source>
        <translation>Aucune campagne d&apos;automatisation pour l&apos;instant (créez-en dans la fenêtre, ou campsync automation import FILE).</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>par lots</translation>
    </message>
    <message>
        <source>Exported {count} automation campaign(s) to {file}.</source>
        <translation>{count} campagne(s) d&apos;automatisation exportée(s) vers {file}.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Rien à importer.</translation>
    </message>
    <message>
        <source>Cannot activate {campaign}: {problems}</source>
        <translation>Impossible d&apos;activer {campaign}&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>{campaign} is now active.</source>
        <translation>{campaign} est maintenant active.</translation>
    </message>
    <message>
        <source>{campaign} is now inactive.</source>
        <translation>{campaign} est maintenant inactive.</translation>
    </message>
    <message>
        <source>{campaign} cannot run: {problem} (see: campsync automation list)</source>
        <translation>{campaign} ne peut pas s&apos;exécuter&#xa0;: {problem} (voir&#xa0;: campsync automation list)</translation>
    </message>
    <message>
        <source>{count} people qualify for {campaign} now (nothing was run).</source>
        <translation>{count} personnes sont qualifiées pour {campaign} à cet instant (rien n&apos;a été exécuté).</translation>
    </message>
    <message>
        <source>{processed} of {qualified} qualified people processed (aborted)</source>
        <translation>{processed} personnes qualifiées traitées sur {qualified} (interrompu)</translation>
    </message>
    <message>
        <source>{processed} of {qualified} qualified people processed</source>
        <translation>{processed} personnes qualifiées traitées sur {qualified}</translation>
    </message>
    <message>
        <source>{campaign}: {processed}; Dynamics confirmed {done} change(s), {failed} failed, {pending} still queued.</source>
        <translation>{campaign}&#xa0;: {processed}&#xa0;; Dynamics a confirmé {done} modification(s), {failed} en échec, {pending} encore en file d&apos;attente.</translation>
    </message>
    <message>
        <source>trigger and batch campaigns</source>
        <translation>campagnes déclenchées et campagnes par lots</translation>
    </message>
    <message>
        <source>what to do</source>
        <translation>ce qu&apos;il faut faire</translation>
    </message>
    <message>
        <source>list automation campaigns and what stops them from running</source>
        <translation>lister les campagnes d&apos;automatisation et ce qui les empêche de s&apos;exécuter</translation>
    </message>
    <message>
        <source>run a batch campaign now</source>
        <translation>exécuter une campagne par lots maintenant</translation>
    </message>
    <message>
        <source>the batch campaign&apos;s name</source>
        <translation>le nom de la campagne par lots</translation>
    </message>
    <message>
        <source>only count who qualifies</source>
        <translation>compter seulement les personnes qualifiées</translation>
    </message>
    <message>
        <source>write every definition to a JSON file</source>
        <translation>écrire toutes les définitions dans un fichier JSON</translation>
    </message>
    <message>
        <source>the JSON file to write</source>
        <translation>le fichier JSON à écrire</translation>
    </message>
    <message>
        <source>read definitions from a JSON file (merged by name)</source>
        <translation>lire les définitions depuis un fichier JSON (fusionnées par nom)</translation>
    </message>
    <message>
        <source>a JSON file written by automation export</source>
        <translation>un fichier JSON écrit par automation export</translation>
    </message>
    <message>
        <source>activate a campaign</source>
        <translation>activer une campagne</translation>
    </message>
    <message>
        <source>deactivate a campaign</source>
        <translation>désactiver une campagne</translation>
    </message>
    <message>
        <source>the automation campaign&apos;s name</source>
        <translation>le nom de la campagne d&apos;automatisation</translation>
    </message>
    <message>
        <source>Using the built-in demo org (no connection configured; see `campsync profile add`).</source>
        <translation>Utilisation de l&apos;organisation de démonstration intégrée (aucune connexion configurée&#xa0;; voir `campsync profile add`).</translation>
    </message>
    <message>
        <source>problem: {message}</source>
        <translation>problème&#xa0;: {message}</translation>
    </message>
    <message>
        <source>print the answer as JSON (errors: one JSON object on stderr)</source>
        <translation>afficher la réponse en JSON (erreurs&#xa0;: un objet JSON sur stderr)</translation>
    </message>
    <message>
        <source>{ran} trigger campaign run(s)</source>
        <translation>{ran} exécution(s) de campagne déclenchée</translation>
    </message>
    <message>
        <source>{ran} trigger campaign run(s); Dynamics confirmed {confirmed} change(s)</source>
        <translation>{ran} exécution(s) de campagne déclenchée&#xa0;; Dynamics a confirmé {confirmed} modification(s)</translation>
    </message>
    <message>
        <source>The store {url} is at {revision}, the newest schema: nothing to do.</source>
        <translation>La base {url} est à la révision {revision}, le schéma le plus récent&#xa0;: rien à faire.</translation>
    </message>
    <message>
        <source>Upgraded the store {url} from nothing (a new store) to {revision}.</source>
        <translation>La base {url} a été mise à niveau de rien (une nouvelle base) vers {revision}.</translation>
    </message>
    <message>
        <source>Upgraded the store {url} from {before} to {revision}.</source>
        <translation>La base {url} a été mise à niveau de {before} vers {revision}.</translation>
    </message>
    <message>
        <source>{revision} (the newest schema)</source>
        <translation>{revision} (le schéma le plus récent)</translation>
    </message>
    <message>
        <source>not made yet (any command makes it at {head})</source>
        <translation>pas encore créée (toute commande la crée à la révision {head})</translation>
    </message>
    <message>
        <source>{revision} (the next command upgrades it to {head})</source>
        <translation>{revision} (la prochaine commande la met à niveau vers {head})</translation>
    </message>
    <message>
        <source>no CampSync schema yet (this CampSync&apos;s is {head}; run `campsync db upgrade`)</source>
        <translation>pas encore de schéma CampSync (celui de cette version de CampSync est {head}&#xa0;; lancez `campsync db upgrade`)</translation>
    </message>
    <message>
        <source>{revision} (this CampSync&apos;s is {head}; run `campsync db upgrade`)</source>
        <translation>{revision} (celui de cette version de CampSync est {head}&#xa0;; lancez `campsync db upgrade`)</translation>
    </message>
    <message>
        <source>the store&apos;s schema: upgrade it, or show its revision</source>
        <translation>le schéma de la base&#xa0;: le mettre à niveau ou afficher sa révision</translation>
    </message>
    <message>
        <source>bring the store (CAMPSYNC_DATABASE_URL, config.toml&apos;s database_url or the local file) to this CampSync&apos;s schema</source>
        <translation>mettre la base (CAMPSYNC_DATABASE_URL, database_url de config.toml ou le fichier local) au schéma de cette version de CampSync</translation>
    </message>
    <message>
        <source>the schema revision the store is at, and whether it is the newest</source>
        <translation>la révision du schéma de la base, et s&apos;il s&apos;agit de la plus récente</translation>
    </message>
    <message>
        <source>Name at least one person: --person EMAIL (repeatable) or --people-file FILE.</source>
        <translation>Indiquez au moins une personne&#xa0;: --person EMAIL (répétable) ou --people-file FILE.</translation>
    </message>
    <message>
        <source>No campaign named or with id {campaign} in this org (templates are not offered). See: campsync campaigns</source>
        <translation>Aucune campagne portant le nom ou l&apos;ID {campaign} dans cette organisation (les modèles ne sont pas proposés). Voir&#xa0;: campsync campaigns</translation>
    </message>
    <message>
        <source>unknown person: import them (campsync people import) or pull them from Dynamics first</source>
        <translation>personne inconnue&#xa0;: importez-la d&apos;abord (campsync people import) ou récupérez-la depuis Dynamics</translation>
    </message>
    <message>
        <source>Add to Microsoft Campaign {campaign} — plan:</source>
        <translation>Ajouter à Microsoft Campaign {campaign} — plan&#xa0;:</translation>
    </message>
    <message>
        <source>Remove from Microsoft Campaign {campaign} — plan:</source>
        <translation>Supprimer de Microsoft Campaign {campaign} — plan&#xa0;:</translation>
    </message>
    <message>
        <source>unknown person (import or pull first)</source>
        <translation>personne inconnue (importez-la ou récupérez-la d&apos;abord)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Outcome (add to {campaign}):</source>
        <translation>Résultat (ajout à {campaign})&#xa0;:</translation>
    </message>
    <message>
        <source>Outcome (remove from {campaign}):</source>
        <translation>Résultat (suppression de {campaign})&#xa0;:</translation>
    </message>
    <message>
        <source>Add to Microsoft Campaign: add people to a Dynamics campaign</source>
        <translation>Ajouter à Microsoft Campaign&#xa0;: ajouter des personnes à une campagne Dynamics</translation>
    </message>
    <message>
        <source>Remove from Microsoft Campaign (only people CampSync added)</source>
        <translation>Supprimer de Microsoft Campaign (uniquement les personnes ajoutées par CampSync)</translation>
    </message>
    <message>
        <source>campaign name or id</source>
        <translation>nom ou ID de la campagne</translation>
    </message>
    <message>
        <source>a person&apos;s email (repeatable)</source>
        <translation>l&apos;e-mail d&apos;une personne (répétable)</translation>
    </message>
    <message>
        <source>a file with one email per line</source>
        <translation>un fichier avec un e-mail par ligne</translation>
    </message>
    <message>
        <source>print the plan only</source>
        <translation>afficher seulement le plan</translation>
    </message>
    <message>
        <source>print a JSON array (email, outcome, reason)</source>
        <translation>afficher un tableau JSON (email, outcome, reason)</translation>
    </message>
    <message>
        <source>an age (30m, 12h, 7d, 2w), a date (2026-05-01), a date and time (2026-05-01T14:30, local time unless it ends in Z or +02:00), today or yesterday</source>
        <translation>une durée (30m, 12h, 7d, 2w), une date (2026-05-01), une date et une heure (2026-05-01T14:30, heure locale sauf si elle se termine par Z ou +02:00), today ou yesterday</translation>
    </message>
    <message>
        <source>{text} is not a time: give {formats}</source>
        <translation>{text} n&apos;est pas une date ou une heure valide&#xa0;: indiquez {formats}</translation>
    </message>
    <message>
        <source>No trigger events yet.</source>
        <translation>Aucun événement de déclencheur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No trigger events since then.</source>
        <translation>Aucun événement de déclencheur depuis.</translation>
    </message>
    <message>
        <source>({origin} by {actor})</source>
        <translation>({origin} par {actor})</translation>
    </message>
    <message>
        <source>OK: {message}</source>
        <translation>OK&#xa0;: {message}</translation>
    </message>
    <message>
        <source>BROKEN: {message}</source>
        <translation>ROMPU&#xa0;: {message}</translation>
    </message>
    <message>
        <source>log key: id {key_id}, in {where}</source>
        <translation>clé du journal&#xa0;: ID {key_id}, dans {where}</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <source>verify-log finds:</source>
        <translation>verify-log détecte&#xa0;:</translation>
    </message>
    <message>
        <source>It cannot find:</source>
        <translation>Il ne peut pas détecter&#xa0;:</translation>
    </message>
    <message>
        <source>Exported {count} trigger events with their hashes to {file}</source>
        <translation>{count} événements de déclencheur exportés avec leurs hachages vers {file}</translation>
    </message>
    <message>
        <source>; head: {seq} events, newest hash {hash}</source>
        <translation>; tête&#xa0;: {seq} événements, hachage le plus récent {hash}</translation>
    </message>
    <message>
        <source>; no signed head file yet</source>
        <translation>; pas encore de fichier de tête signé</translation>
    </message>
    <message>
        <source>Log key (id {key_id}) written to {file} (mode 0600). Hand it to every node of the team: `campsync log-key --import FILE`, or CAMPSYNC_LOG_KEY_FILE=FILE.</source>
        <translation>Clé du journal (ID {key_id}) écrite dans {file} (mode 0600). Transmettez-la à chaque nœud de l&apos;équipe&#xa0;: `campsync log-key --import FILE`, ou CAMPSYNC_LOG_KEY_FILE=FILE.</translation>
    </message>
    <message>
        <source>This store&apos;s log key is now the one in {file} (id {key_id}), kept in {where}.</source>
        <translation>La clé du journal de cette base est désormais celle de {file} (ID {key_id}), conservée dans {where}.</translation>
    </message>
    <message>
        <source>Log key: id {key_id}, in {where}.</source>
        <translation>Clé du journal&#xa0;: ID {key_id}, dans {where}.</translation>
    </message>
    <message>
        <source>No log key yet (looked in {where}): one is made on the first write.</source>
        <translation>Pas encore de clé du journal (recherchée dans {where})&#xa0;: une clé est créée à la première écriture.</translation>
    </message>
    <message>
        <source>{file} exists already: give a new file name</source>
        <translation>{file} existe déjà&#xa0;: indiquez un nouveau nom de fichier</translation>
    </message>
    <message>
        <source>trigger events, newest last</source>
        <translation>événements de déclencheur, les plus récents en dernier</translation>
    </message>
    <message>
        <source>JSON array (JSON lines with --follow)</source>
        <translation>tableau JSON (lignes JSON avec --follow)</translation>
    </message>
    <message>
        <source>keep printing new events</source>
        <translation>continuer d&apos;afficher les nouveaux événements</translation>
    </message>
    <message>
        <source>only the newest N</source>
        <translation>seulement les N plus récents</translation>
    </message>
    <message>
        <source>only events since WHEN: {formats}</source>
        <translation>seulement les événements depuis WHEN&#xa0;: {formats}</translation>
    </message>
    <message>
        <source>write every event with its hashes and the signed head to FILE (JSON); keep it to compare the log with later</source>
        <translation>écrire chaque événement avec ses hachages et la tête signée dans FILE (JSON)&#xa0;; à conserver pour y comparer le journal plus tard</translation>
    </message>
    <message>
        <source>check the trigger log&apos;s hash chain</source>
        <translation>vérifier la chaîne de hachage du journal des déclencheurs</translation>
    </message>
    <message>
        <source>the trigger log&apos;s key: where it is, or hand it to the nodes of a team</source>
        <translation>la clé du journal des déclencheurs&#xa0;: où elle se trouve, ou la transmettre aux nœuds d&apos;une équipe</translation>
    </message>
    <message>
        <source>write the log key to a new FILE (mode 0600)</source>
        <translation>écrire la clé du journal dans un nouveau FILE (mode 0600)</translation>
    </message>
    <message>
        <source>make the key in FILE this store&apos;s</source>
        <translation>faire de la clé de FILE celle de cette base</translation>
    </message>
    <message>
        <source>CampSync: add and remove people to Dynamics 365 campaigns; admin and scripting commands.</source>
        <translation>CampSync&#xa0;: ajouter et supprimer des personnes dans les campagnes Dynamics 365&#xa0;; commandes d&apos;administration et de script.</translation>
    </message>
    <message>
        <source>connection profile to use (default: the default profile; CAMPSYNC_* variables override its fields)</source>
        <translation>profil de connexion à utiliser (par défaut&#xa0;: le profil par défaut&#xa0;; les variables CAMPSYNC_* remplacent ses champs)</translation>
    </message>
    <message>
        <source>open the window</source>
        <translation>ouvrir la fenêtre</translation>
    </message>
    <message>
        <source>run the built-in sandbox Dynamics org over HTTPS</source>
        <translation>lancer l&apos;organisation Dynamics sandbox intégrée en HTTPS</translation>
    </message>
    <message>
        <source>the store could not be read or written ({reason}). What was queued stays queued: run the command again once the store answers (`campsync queue` shows what is left; a worker on a team&apos;s store carries on by itself).</source>
        <translation>la base n&apos;a pas pu être lue ou écrite ({reason}). Ce qui était en file d&apos;attente y reste&#xa0;: relancez la commande dès que la base répond (`campsync queue` affiche ce qui reste&#xa0;; un worker sur une base d&apos;équipe continue de lui-même).</translation>
    </message>
    <message>
        <source>unexpected error ({error}). The details are in the log file in {folder}.</source>
        <translation>erreur inattendue ({error}). Les détails se trouvent dans le fichier journal du dossier {folder}.</translation>
    </message>
    <message>
        <source>No campaigns in this org.</source>
        <translation>Aucune campagne dans cette organisation.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Campaign sync is enabled for connection {connection}.</source>
        <translation>La synchronisation des campagnes est activée pour la connexion {connection}.</translation>
    </message>
    <message>
        <source>Campaign sync is disabled for connection {connection}.</source>
        <translation>La synchronisation des campagnes est désactivée pour la connexion {connection}.</translation>
    </message>
    <message>
        <source>Bulk requests: {start} new leads per request at first, at most {most}, each allowed {seconds} s.</source>
        <translation>Requêtes groupées&#xa0;: {start} nouveaux leads par requête au départ, {most} au maximum, chacune disposant de {seconds} s.</translation>
    </message>
    <message>
        <source>test connectivity to the org step by step</source>
        <translation>tester la connectivité à l&apos;organisation étape par étape</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>afficher le rapport en JSON</translation>
    </message>
    <message>
        <source>list the org&apos;s campaigns with their state</source>
        <translation>lister les campagnes de l&apos;organisation avec leur état</translation>
    </message>
    <message>
        <source>print a JSON array (id, name, active, ...)</source>
        <translation>afficher un tableau JSON (id, name, active, ...)</translation>
    </message>
    <message>
        <source>only active campaigns</source>
        <translation>seulement les campagnes actives</translation>
    </message>
    <message>
        <source>turn campaign sync on or off for this connection, or show it</source>
        <translation>activer ou désactiver la synchronisation des campagnes pour cette connexion, ou afficher son état</translation>
    </message>
    <message>
        <source>enable (flow actions allowed; campaigns and list links re-read), disable, or status</source>
        <translation>enable (actions de flux autorisées&#xa0;; campagnes et liens de listes relus), disable ou status</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <translation>arguments non reconnus&#xa0;: {arguments}</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}&#xa0;: erreur&#xa0;: {message}</translation>
    </message>
    <message>
        <source>the following arguments are required: {names}</source>
        <translation>les arguments suivants sont requis&#xa0;: {names}</translation>
    </message>
    <message>
        <source>one of the arguments {names} is required</source>
        <translation>l&apos;un des arguments {names} est requis</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>choix non valide&#xa0;: {value} (choisissez parmi {choices})</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>valeur non valide pour {type}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>au plus un argument attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <source>not allowed with argument {argument}</source>
        <translation>non autorisé avec l&apos;argument {argument}</translation>
    </message>
    <message>
        <source>ignored explicit argument {value}</source>
        <translation>argument explicite {value} ignoré</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>option ambiguë&#xa0;: {option} pourrait correspondre à {matches}</translation>
    </message>
    <message>
        <source>argument {name}: {message}</source>
        <translation>argument {name}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>No such file: {file}</source>
        <translation>Fichier introuvable&#xa0;: {file}</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>ligne {row}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>avertissement&#xa0;: {warning}</translation>
    </message>
    <message>
        <source>Pulled {people} people from Dynamics: {new} new, {updated} updated ({leads} leads, {contacts} contacts).</source>
        <translation>{people} personnes récupérées depuis Dynamics&#xa0;: {new} nouvelles, {updated} mises à jour ({leads} leads, {contacts} contacts).</translation>
    </message>
    <message>
        <source>{campaigns} campaigns; {memberships} campaign memberships ({flow_action} added by CampSync, {crm} from CRM lists).</source>
        <translation>{campaigns} campagnes&#xa0;; {memberships} appartenances à des campagnes ({flow_action} ajoutées par CampSync, {crm} issues de listes CRM).</translation>
    </message>
    <message>
        <source>Values changed in Dynamics: {fired}.</source>
        <translation>Valeurs modifiées dans Dynamics&#xa0;: {fired}.</translation>
    </message>
    <message>
        <source>No people yet: campsync people import FILE.csv, or campsync people pull.</source>
        <translation>Aucune personne pour l&apos;instant&#xa0;: campsync people import FILE.csv, ou campsync people pull.</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>Logged {type} for {email}.</source>
        <translation>Activité {type} enregistrée pour {email}.</translation>
    </message>
    <message>
        <source>import, pull and list people</source>
        <translation>importer, récupérer et lister des personnes</translation>
    </message>
    <message>
        <source>import people from a CSV file (merged by email)</source>
        <translation>importer des personnes depuis un fichier CSV (fusionnées par e-mail)</translation>
    </message>
    <message>
        <source>a CSV file with an email column</source>
        <translation>un fichier CSV avec une colonne email</translation>
    </message>
    <message>
        <source>read leads, contacts and campaign members from Dynamics</source>
        <translation>lire les leads, les contacts et les membres de campagne depuis Dynamics</translation>
    </message>
    <message>
        <source>log an activity (behaviour) for a person</source>
        <translation>enregistrer une activité (comportement) pour une personne</translation>
    </message>
    <message>
        <source>the person&apos;s email</source>
        <translation>l&apos;e-mail de la personne</translation>
    </message>
    <message>
        <source>e.g. visited_web_page, filled_out_form, attended_webinar</source>
        <translation>p. ex. visited_web_page, filled_out_form, attended_webinar</translation>
    </message>
    <message>
        <source>e.g. the page or form name</source>
        <translation>p. ex. le nom de la page ou du formulaire</translation>
    </message>
    <message>
        <source>list people</source>
        <translation>lister les personnes</translation>
    </message>
    <message>
        <source>match name, email or company</source>
        <translation>rechercher dans le nom, l&apos;e-mail ou l&apos;entreprise</translation>
    </message>
    <message>
        <source>only the first N</source>
        <translation>seulement les N premières</translation>
    </message>
    <message>
        <source>No connection profiles yet. Add one with: campsync profile add NAME --org-url ... </source>
        <translation>Aucun profil de connexion pour l&apos;instant. Ajoutez-en un avec&#xa0;: campsync profile add NAME --org-url ... </translation>
    </message>
    <message>
        <source>certificate {file}</source>
        <translation>certificat {file}</translation>
    </message>
    <message>
        <source>secret in keyring</source>
        <translation>secret dans le trousseau</translation>
    </message>
    <message>
        <source>people sign in (campsync login)</source>
        <translation>les personnes se connectent (campsync login)</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>Client secret (input hidden): </source>
        <translation>Secret client (saisie masquée)&#xa0;: </translation>
    </message>
    <message>
        <source>Saved connection {name}.</source>
        <translation>Connexion {name} enregistrée.</translation>
    </message>
    <message>
        <source>The secret is in the system keyring.</source>
        <translation>Le secret est dans le trousseau système.</translation>
    </message>
    <message>
        <source>People sign in with their own account: run `campsync login` (or `campsync login --device-code`).</source>
        <translation>Les personnes se connectent avec leur propre compte&#xa0;: lancez `campsync login` (ou `campsync login --device-code`).</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key stays in {file} (readable by you only).</source>
        <translation>La clé privée du certificat reste dans {file} (lisible par vous seul).</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key is in the system keyring now; {file} needs to hold the certificate only (you may remove the key from it).</source>
        <translation>La clé privée du certificat est maintenant dans le trousseau système&#xa0;; {file} n&apos;a plus besoin de contenir que le certificat (vous pouvez en retirer la clé).</translation>
    </message>
    <message>
        <source>Removed connection {name}.</source>
        <translation>Connexion {name} supprimée.</translation>
    </message>
    <message>
        <source>The default connection is now {name}.</source>
        <translation>La connexion par défaut est maintenant {name}.</translation>
    </message>
    <message>
        <source>Connection {name} is now the default.</source>
        <translation>La connexion {name} est maintenant celle par défaut.</translation>
    </message>
    <message>
        <source>manage connection profiles (secrets go to the keyring)</source>
        <translation>gérer les profils de connexion (les secrets vont dans le trousseau)</translation>
    </message>
    <message>
        <source>list profiles</source>
        <translation>lister les profils</translation>
    </message>
    <message>
        <source>add or update a profile</source>
        <translation>ajouter ou mettre à jour un profil</translation>
    </message>
    <message>
        <source>a name for this connection, e.g. contoso-prod</source>
        <translation>un nom pour cette connexion, p. ex. contoso-prod</translation>
    </message>
    <message>
        <source>e.g. https://yourorg.crm.dynamics.com</source>
        <translation>p. ex. https://yourorg.crm.dynamics.com</translation>
    </message>
    <message>
        <source>the Entra ID directory (tenant) id</source>
        <translation>l&apos;ID de l&apos;annuaire Entra ID (locataire)</translation>
    </message>
    <message>
        <source>the application (client) id of the app registration</source>
        <translation>l&apos;ID d&apos;application (client) de l&apos;inscription d&apos;application</translation>
    </message>
    <message>
        <source>where tokens come from (default {host})</source>
        <translation>d&apos;où viennent les jetons (par défaut {host})</translation>
    </message>
    <message>
        <source>extra CA certificate file to trust</source>
        <translation>fichier de certificat d&apos;AC supplémentaire à approuver</translation>
    </message>
    <message>
        <source>the kind of org (default production, where the window asks before risky flow actions)</source>
        <translation>le type d&apos;organisation (par défaut production, où la fenêtre demande confirmation avant les actions de flux risquées)</translation>
    </message>
    <message>
        <source>make it the default profile</source>
        <translation>en faire le profil par défaut</translation>
    </message>
    <message>
        <source>read the client secret from standard input</source>
        <translation>lire le secret client depuis l&apos;entrée standard</translation>
    </message>
    <message>
        <source>prompt for the client secret</source>
        <translation>demander le secret client</translation>
    </message>
    <message>
        <source>sign in as the application with this certificate (PEM: certificate and private key; the key file must be readable by you only)</source>
        <translation>se connecter en tant qu&apos;application avec ce certificat (PEM&#xa0;: certificat et clé privée&#xa0;; le fichier de clé doit être lisible par vous seul)</translation>
    </message>
    <message>
        <source>with --certificate: keep its private key in the system keyring instead of the file</source>
        <translation>avec --certificate&#xa0;: conserver sa clé privée dans le trousseau système plutôt que dans le fichier</translation>
    </message>
    <message>
        <source>remove a profile</source>
        <translation>supprimer un profil</translation>
    </message>
    <message>
        <source>use a profile</source>
        <translation>utiliser un profil</translation>
    </message>
    <message>
        <source>the profile&apos;s name (see: campsync profile list)</source>
        <translation>le nom du profil (voir&#xa0;: campsync profile list)</translation>
    </message>
    <message>
        <source>The queue is empty: nothing pending or failed.</source>
        <translation>La file d&apos;attente est vide&#xa0;: rien en attente ni en échec.</translation>
    </message>
    <message>
        <source>(by {actor})</source>
        <translation>(par {actor})</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>pris en charge</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>add</source>
        <translation>ajout</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>Re-queued {requeued} failed action(s); done {done}, failed {failed}, blocked {blocked}, skipped {skipped}, still pending {pending}.</source>
        <translation>{requeued} action(s) en échec remise(s) en file d&apos;attente&#xa0;; terminées {done}, en échec {failed}, bloquées {blocked}, ignorées {skipped}, encore en attente {pending}.</translation>
    </message>
    <message>
        <source>Cancelled {count} queued action(s).</source>
        <translation>{count} action(s) en file d&apos;attente annulée(s).</translation>
    </message>
    <message>
        <source>pending and failed flow actions</source>
        <translation>actions de flux en attente et en échec</translation>
    </message>
    <message>
        <source>include finished rows</source>
        <translation>inclure les lignes terminées</translation>
    </message>
    <message>
        <source>retry failed actions and finish any left pending</source>
        <translation>réessayer les actions en échec et terminer celles encore en attente</translation>
    </message>
    <message>
        <source>cancel pending or failed actions</source>
        <translation>annuler les actions en attente ou en échec</translation>
    </message>
    <message>
        <source>queue row ids (default: all pending and failed)</source>
        <translation>ID des lignes de la file d&apos;attente (par défaut&#xa0;: toutes celles en attente et en échec)</translation>
    </message>
    <message>
        <source>only the rows of this request id</source>
        <translation>seulement les lignes de cet ID de requête</translation>
    </message>
    <message>
        <source>No web browser is available here to sign in with: run `campsync login --device-code` and approve the code on any device.</source>
        <translation>Aucun navigateur web n&apos;est disponible ici pour se connecter&#xa0;: lancez `campsync login --device-code` et approuvez le code sur n&apos;importe quel appareil.</translation>
    </message>
    <message>
        <source>Connection {name} signs in as an application ({method}): there is nobody to sign in. A connection with a client id and no secret or certificate signs a person in.</source>
        <translation>La connexion {name} se connecte en tant qu&apos;application ({method})&#xa0;: personne n&apos;a à se connecter. Une connexion avec un ID client mais sans secret ni certificat connecte une personne.</translation>
    </message>
    <message>
        <source>Opening the sign-in page in your browser; waiting for you to sign in…</source>
        <translation>Ouverture de la page de connexion dans votre navigateur&#xa0;; en attente de votre connexion…</translation>
    </message>
    <message>
        <source>Signed in as {user} to {org} ({kept}).</source>
        <translation>Connecté en tant que {user} à {org} ({kept}).</translation>
    </message>
    <message>
        <source>tokens kept encrypted</source>
        <translation>jetons conservés chiffrés</translation>
    </message>
    <message>
        <source>tokens kept in plain file</source>
        <translation>jetons conservés dans un fichier en clair</translation>
    </message>
    <message>
        <source>tokens kept {how}</source>
        <translation>jetons conservés {how}</translation>
    </message>
    <message>
        <source>Signed out of connection {name}: {removed} account(s) removed from the token cache.</source>
        <translation>Déconnecté de la connexion {name}&#xa0;: {removed} compte(s) supprimé(s) du cache de jetons.</translation>
    </message>
    <message>
        <source>Nobody was signed in to connection {name}.</source>
        <translation>Personne n&apos;était connecté à la connexion {name}.</translation>
    </message>
    <message>
        <source>{user} ({method}) on {org}, tenant {tenant}, connection {name}</source>
        <translation>{user} ({method}) sur {org}, locataire {tenant}, connexion {name}</translation>
    </message>
    <message>
        <source>{client_id} (application)</source>
        <translation>{client_id} (application)</translation>
    </message>
    <message>
        <source>sign in with your own work account (browser, or --device-code)</source>
        <translation>se connecter avec votre propre compte professionnel (navigateur, ou --device-code)</translation>
    </message>
    <message>
        <source>sign in on another device: prints a code and where to type it, then waits</source>
        <translation>se connecter sur un autre appareil&#xa0;: affiche un code et l&apos;endroit où le saisir, puis attend</translation>
    </message>
    <message>
        <source>where nothing can encrypt the token cache, keep it in &lt;data folder&gt;/token_cache.json (readable by you only) so you stay signed in; otherwise tokens are kept in memory</source>
        <translation>là où rien ne peut chiffrer le cache de jetons, le conserver dans &lt;data folder&gt;/token_cache.json (lisible par vous seul) pour rester connecté&#xa0;; sinon les jetons sont conservés en mémoire</translation>
    </message>
    <message>
        <source>sign out: remove this connection&apos;s accounts from the token cache</source>
        <translation>se déconnecter&#xa0;: supprimer les comptes de cette connexion du cache de jetons</translation>
    </message>
    <message>
        <source>who is signed in to this connection, and how</source>
        <translation>qui est connecté à cette connexion, et comment</translation>
    </message>
    <message>
        <source>print {username, tenant_id, org_url, method, profile} as JSON</source>
        <translation>afficher {username, tenant_id, org_url, method, profile} en JSON</translation>
    </message>
    <message>
        <source>no org is configured for the worker: add one with `campsync profile add` or set the CAMPSYNC_ORG_URL, CAMPSYNC_TENANT_ID, CAMPSYNC_CLIENT_ID and CAMPSYNC_CLIENT_SECRET variables (the demo org is the window&apos;s, for trying CampSync)</source>
        <translation>aucune organisation n&apos;est configurée pour le worker&#xa0;: ajoutez-en une avec `campsync profile add` ou définissez les variables CAMPSYNC_ORG_URL, CAMPSYNC_TENANT_ID, CAMPSYNC_CLIENT_ID et CAMPSYNC_CLIENT_SECRET (l&apos;organisation de démonstration est celle de la fenêtre, pour essayer CampSync)</translation>
    </message>
    <message>
        <source>stopping: the request in flight finishes, the rest stays queued</source>
        <translation>arrêt&#xa0;: la requête en cours se termine, le reste demeure en file d&apos;attente</translation>
    </message>
    <message>
        <source>worker {worker} started (pid {pid}): sends the queue, runs trigger and scheduled campaigns and waiting flows; looks every {interval} s. SIGTERM or Ctrl+C stops it.</source>
        <translation>worker {worker} démarré (pid {pid})&#xa0;: envoie la file d&apos;attente, exécute les campagnes déclenchées et planifiées ainsi que les flux en attente&#xa0;; vérifie toutes les {interval} s. SIGTERM ou Ctrl+C l&apos;arrête.</translation>
    </message>
    <message>
        <source>stopped; {count} unfinished row(s) handed back to the queue</source>
        <translation>arrêté&#xa0;; {count} ligne(s) non terminée(s) rendue(s) à la file d&apos;attente</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>the request in flight did not finish within {seconds} s: left unanswered</source>
        <translation>la requête en cours ne s&apos;est pas terminée dans les {seconds} s&#xa0;: laissée sans réponse</translation>
    </message>
    <message>
        <source>the store answers again; {count} row(s) this worker held when it was cut off handed back to the queue</source>
        <translation>la base répond de nouveau&#xa0;; {count} ligne(s) que ce worker détenait lors de la coupure rendue(s) à la file d&apos;attente</translation>
    </message>
    <message>
        <source>the store answers again</source>
        <translation>la base répond de nouveau</translation>
    </message>
    <message>
        <source>Dynamics could not be used: {problem}; trying again at the next pass</source>
        <translation>Dynamics n&apos;a pas pu être utilisé&#xa0;: {problem}&#xa0;; nouvelle tentative au prochain passage</translation>
    </message>
    <message>
        <source>the team&apos;s store could not be reached ({reason}); trying again at the next pass</source>
        <translation>la base d&apos;équipe est injoignable ({reason})&#xa0;; nouvelle tentative au prochain passage</translation>
    </message>
    <message>
        <source>scheduled campaigns and waits run on {worker} (it holds the scheduler&apos;s lease); this worker sends the queue and takes the schedule over if that one stops</source>
        <translation>les campagnes planifiées et les attentes s&apos;exécutent sur {worker} (il détient le bail du planificateur)&#xa0;; ce worker envoie la file d&apos;attente et reprend la planification si l&apos;autre s&apos;arrête</translation>
    </message>
    <message>
        <source>ran batch campaign {campaign}: {count} people</source>
        <translation>campagne par lots {campaign} exécutée&#xa0;: {count} personnes</translation>
    </message>
    <message>
        <source>could not run {what}</source>
        <translation>impossible d&apos;exécuter {what}</translation>
    </message>
    <message>
        <source>resumed {count} waiting flow(s)</source>
        <translation>{count} flux en attente repris</translation>
    </message>
    <message>
        <source>Dynamics confirmed {count} change(s)</source>
        <translation>Dynamics a confirmé {count} modification(s)</translation>
    </message>
    <message>
        <source>{confirmed}; {count} still queued</source>
        <translation>{confirmed}&#xa0;; {count} encore en file d&apos;attente</translation>
    </message>
    <message>
        <source>send the queue and run trigger and scheduled campaigns without a window, until stopped</source>
        <translation>envoyer la file d&apos;attente et exécuter les campagnes déclenchées et planifiées sans fenêtre, jusqu&apos;à l&apos;arrêt</translation>
    </message>
    <message>
        <source>the former name of `campsync worker`</source>
        <translation>l&apos;ancien nom de `campsync worker`</translation>
    </message>
    <message>
        <source>seconds between looks at the queue and the schedule (default {seconds})</source>
        <translation>secondes entre deux vérifications de la file d&apos;attente et de la planification (par défaut {seconds})</translation>
    </message>
    <message>
        <source>one pass, then exit</source>
        <translation>un seul passage, puis quitter</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>No system keyring found on this machine: a secret saved here can be kept for this session only (in memory until CampSync quits; you will be asked again next time), or set CAMPSYNC_CLIENT_SECRET before starting CampSync.</source>
        <translation>Aucun trousseau (keyring) système sur cette machine&#xa0;: un secret enregistré ici ne peut être conservé que pour cette session (en mémoire jusqu&apos;à la fermeture de CampSync&#xa0;; il vous sera redemandé la prochaine fois), ou définissez CAMPSYNC_CLIENT_SECRET avant de démarrer CampSync.</translation>
    </message>
    <message>
        <source>Sign in as me (work account)</source>
        <translation>Se connecter en tant que moi (compte professionnel)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Each person signs in with their own work account (their browser opens Microsoft&apos;s page, with MFA if the org asks for it); Dynamics records them as the person who made each change. The app registration must allow public client flows, with the redirect URI http://localhost.</source>
        <translation>Chaque personne se connecte avec son propre compte professionnel (son navigateur ouvre la page de Microsoft, avec MFA si l&apos;organisation l&apos;exige)&#xa0;; Dynamics l&apos;enregistre comme auteur de chaque modification. L&apos;inscription d&apos;application doit autoriser les flux de client public, avec l&apos;URI de redirection http://localhost.</translation>
    </message>
    <message>
        <source>The PEM file holds the certificate and its private key. The key stays in the file, which must be readable by you only (chmod 600); CampSync checks that before using it.</source>
        <translation>Le fichier PEM contient le certificat et sa clé privée. La clé reste dans le fichier, qui doit être lisible par vous seul (chmod 600)&#xa0;; CampSync le vérifie avant de l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>e.g. contoso-prod</source>
        <translation>p. ex. contoso-prod</translation>
    </message>
    <message>
        <source>Directory (tenant) ID of the app registration</source>
        <translation>ID de l&apos;annuaire (locataire) de l&apos;inscription d&apos;application</translation>
    </message>
    <message>
        <source>Application (client) ID of the app registration</source>
        <translation>ID d&apos;application (client) de l&apos;inscription d&apos;application</translation>
    </message>
    <message>
        <source>PEM file with the certificate and its private key</source>
        <translation>Fichier PEM contenant le certificat et sa clé privée</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>System certificates (leave empty)</source>
        <translation>Certificats du système (laisser vide)</translation>
    </message>
    <message>
        <source>Authority host</source>
        <translation>Hôte d&apos;autorité</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle CA</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Org URL</source>
        <translation>URL de l&apos;organisation</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>ID de locataire (tenant)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>un nom</translation>
    </message>
    <message>
        <source>a name not used yet ({name} exists)</source>
        <translation>un nom pas encore utilisé ({name} existe déjà)</translation>
    </message>
    <message>
        <source>the org URL</source>
        <translation>l&apos;URL de l&apos;organisation</translation>
    </message>
    <message>
        <source>the tenant id</source>
        <translation>l&apos;ID de locataire (tenant)</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>l&apos;ID client</translation>
    </message>
    <message>
        <source>The authority host must be an https:// address (got {got}); the default is {default}.</source>
        <translation>L&apos;hôte d&apos;autorité doit être une adresse https:// (reçu&#xa0;: {got})&#xa0;; la valeur par défaut est {default}.</translation>
    </message>
    <message>
        <source>No file at {path}: pick the PEM file of CA certificates, or clear it.</source>
        <translation>Aucun fichier à l&apos;emplacement {path}&#xa0;: choisissez le fichier PEM des certificats d&apos;AC, ou videz ce champ.</translation>
    </message>
    <message>
        <source>the certificate file</source>
        <translation>le fichier de certificat</translation>
    </message>
    <message>
        <source>The name keys this connection&apos;s keyring entry and settings, so it cannot change; add a new connection instead.</source>
        <translation>Le nom sert de clé à l&apos;entrée du trousseau et aux paramètres de cette connexion, il ne peut donc pas changer&#xa0;; ajoutez plutôt une nouvelle connexion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connection {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Connexion {name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;New connection&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nouvelle connexion&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Needed before saving: {fields}.</source>
        <translation>Requis avant l&apos;enregistrement&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>A secret is kept for this session only; type a new one to replace it</source>
        <translation>Un secret est conservé pour cette session uniquement&#xa0;; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <source>No system keyring: paste the secret to use it this session</source>
        <translation>Aucun trousseau système&#xa0;: collez le secret pour l&apos;utiliser pendant cette session</translation>
    </message>
    <message>
        <source>A secret is stored in the keyring; type a new one to replace it</source>
        <translation>Un secret est enregistré dans le trousseau&#xa0;; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <source>No secret stored yet; paste the client secret value</source>
        <translation>Aucun secret enregistré pour l&apos;instant&#xa0;; collez la valeur du secret client</translation>
    </message>
    <message>
        <source>Certificate (PEM file with the certificate and its key)</source>
        <translation>Certificat (fichier PEM contenant le certificat et sa clé)</translation>
    </message>
    <message>
        <source>Advanced ▾</source>
        <translation>Avancé ▾</translation>
    </message>
    <message>
        <source>Advanced ▸</source>
        <translation>Avancé ▸</translation>
    </message>
    <message>
        <source>CA bundle (PEM file of CA certificates)</source>
        <translation>Bundle CA (fichier PEM des certificats d&apos;AC)</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(nouvelle connexion)</translation>
    </message>
    <message>
        <source>No file at {path}: pick the PEM file with the certificate and its private key.</source>
        <translation>Aucun fichier à l&apos;emplacement {path}&#xa0;: choisissez le fichier PEM contenant le certificat et sa clé privée.</translation>
    </message>
</context>
<context>
    <name>ConnectionsDialog</name>
    <message>
        <source>No connection yet: CampSync is using its built-in sandbox org with demo data.</source>
        <translation>Aucune connexion pour l&apos;instant&#xa0;: CampSync utilise son organisation sandbox intégrée avec des données de démonstration.</translation>
    </message>
    <message>
        <source>No system keyring found: the secret is kept for this session only; you will be asked again next time.</source>
        <translation>Aucun trousseau système trouvé&#xa0;: le secret est conservé pour cette session uniquement&#xa0;; il vous sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Set in this process&apos;s environment, and used over the default profile: {variables}.</source>
        <translation>Définies dans l&apos;environnement de ce processus, et utilisées à la place du profil par défaut&#xa0;: {variables}.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Définir par défaut</translation>
    </message>
    <message>
        <source>Test connectivity</source>
        <translation>Tester la connectivité</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Discard your changes to the connection {name}?</source>
        <translation>Abandonner vos modifications de la connexion {name}&#xa0;?</translation>
    </message>
    <message>
        <source>Discard your changes to the new connection?</source>
        <translation>Abandonner vos modifications de la nouvelle connexion&#xa0;?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Not saved: fix the fields marked in the form first.</source>
        <translation>Non enregistré&#xa0;: corrigez d&apos;abord les champs signalés dans le formulaire.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Saved connection {name}. The secret is not stored yet.</source>
        <translation>Connexion {name} enregistrée. Le secret n&apos;est pas encore stocké.</translation>
    </message>
    <message>
        <source>Saved connection {name}. The secret is in the system keyring.</source>
        <translation>Connexion {name} enregistrée. Le secret est dans le trousseau système.</translation>
    </message>
    <message>
        <source>Saved connection {name}.</source>
        <translation>Connexion {name} enregistrée.</translation>
    </message>
    <message>
        <source>No system keyring found on this machine, so the secret cannot be stored.</source>
        <translation>Aucun trousseau système trouvé sur cette machine&#xa0;: le secret ne peut donc pas être stocké.</translation>
    </message>
    <message>
        <source>{reason}

Keep the secret of {name} for this session only? It stays in CampSync&apos;s memory until you quit, and you will be asked for it again next time.

No: the connection stays saved without its secret.</source>
        <translation>{reason}

Conserver le secret de {name} pour cette session uniquement&#xa0;? Il reste dans la mémoire de CampSync jusqu&apos;à ce que vous quittiez l&apos;application, et il vous sera redemandé la prochaine fois.

Non&#xa0;: la connexion reste enregistrée sans son secret.</translation>
    </message>
    <message>
        <source>Keep the secret for this session?</source>
        <translation>Conserver le secret pour cette session&#xa0;?</translation>
    </message>
    <message>
        <source>Saved connection {name}. {session_only}</source>
        <translation>Connexion {name} enregistrée. {session_only}</translation>
    </message>
    <message>
        <source>Saved connection {name}. The secret was not saved. {problem}</source>
        <translation>Connexion {name} enregistrée. Le secret n&apos;a pas été enregistré. {problem}</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Remove the connection {name}? Its client secret is deleted from the keyring too.</source>
        <translation>Supprimer la connexion {name}&#xa0;? Son secret client est également supprimé du trousseau.</translation>
    </message>
    <message>
        <source>Removed connection {name}.</source>
        <translation>Connexion {name} supprimée.</translation>
    </message>
    <message>
        <source>{name} is now the default connection.</source>
        <translation>{name} est maintenant la connexion par défaut.</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>CampSync connectivity report — {connection} ({org})</source>
        <translation>Rapport de connectivité CampSync — {connection} ({org})</translation>
    </message>
    <message>
        <source>no org URL</source>
        <translation>aucune URL d&apos;organisation</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Toutes les vérifications ont réussi.</translation>
    </message>
    <message>
        <source>{failed} failed, {warnings} warning(s), {skipped} not run.</source>
        <translation>{failed} en échec, {warnings} avertissement(s), {skipped} non exécutée(s).</translation>
    </message>
    <message>
        <source>{failed} failed, {warnings} warning(s).</source>
        <translation>{failed} en échec, {warnings} avertissement(s).</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>fix: {fix}</source>
        <translation>correctif&#xa0;: {fix}</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>pas de réponse dans le délai imparti</translation>
    </message>
    <message>
        <source>Check the network path to the org (proxy, firewall).</source>
        <translation>Vérifiez le chemin réseau vers l&apos;organisation (proxy, pare-feu).</translation>
    </message>
    <message>
        <source>missing: {settings}</source>
        <translation>manquant&#xa0;: {settings}</translation>
    </message>
    <message>
        <source>Fill in the connection (Admin → Connections in the window, `campsync profile add` on the command line) or set the CAMPSYNC_* environment variables; the secret comes from the keyring or CAMPSYNC_CLIENT_SECRET.</source>
        <translation>Complétez la connexion (Administration → Connexions dans la fenêtre, `campsync profile add` en ligne de commande) ou définissez les variables d&apos;environnement CAMPSYNC_*&#xa0;; le secret provient du trousseau (keyring) ou de CAMPSYNC_CLIENT_SECRET.</translation>
    </message>
    <message>
        <source>{settings} (missing)</source>
        <translation>{settings} (manquant)</translation>
    </message>
    <message>
        <source>the org URL (missing)</source>
        <translation>l&apos;URL de l&apos;organisation (manquante)</translation>
    </message>
    <message>
        <source>a usable org URL (see Configuration)</source>
        <translation>une URL d&apos;organisation utilisable (voir Configuration)</translation>
    </message>
    <message>
        <source>The authority host must use https:// (got {host}).</source>
        <translation>L&apos;hôte d&apos;autorité doit utiliser https:// (reçu&#xa0;: {host}).</translation>
    </message>
    <message>
        <source>Leave CAMPSYNC_AUTHORITY_HOST unset for Microsoft&apos;s public cloud.</source>
        <translation>Laissez CAMPSYNC_AUTHORITY_HOST non défini pour le cloud public de Microsoft.</translation>
    </message>
    <message>
        <source>a usable authority host (see Configuration)</source>
        <translation>un hôte d&apos;autorité utilisable (voir Configuration)</translation>
    </message>
    <message>
        <source>The CA bundle cannot be used: {problem}</source>
        <translation>Le bundle d&apos;autorités de certification (CA) est inutilisable&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Point CAMPSYNC_CA_BUNDLE at a PEM file of CA certificates, or unset it.</source>
        <translation>Faites pointer CAMPSYNC_CA_BUNDLE vers un fichier PEM de certificats d&apos;autorité (CA), ou supprimez cette variable.</translation>
    </message>
    <message>
        <source>a usable CA bundle (see Configuration)</source>
        <translation>un bundle CA utilisable (voir Configuration)</translation>
    </message>
    <message>
        <source>a person signs in with their own account</source>
        <translation>une personne se connecte avec son propre compte</translation>
    </message>
    <message>
        <source>certificate {file}</source>
        <translation>certificat {file}</translation>
    </message>
    <message>
        <source>secret from {source}</source>
        <translation>secret provenant de {source}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>org {org}, tenant {tenant}, {how}</source>
        <translation>organisation {org}, locataire {tenant}, {how}</translation>
    </message>
    <message>
        <source>org host {host} does not resolve ({problem})</source>
        <translation>le nom d&apos;hôte de l&apos;organisation {host} n&apos;est pas résolu ({problem})</translation>
    </message>
    <message>
        <source>Check the org URL for typos (an org URL looks like https://yourorg.crm.dynamics.com).</source>
        <translation>Vérifiez que l&apos;URL de l&apos;organisation ne contient pas de faute de frappe (une URL d&apos;organisation ressemble à https://yourorg.crm.dynamics.com).</translation>
    </message>
    <message>
        <source>authority host {host} does not resolve ({problem})</source>
        <translation>le nom d&apos;hôte d&apos;autorité {host} n&apos;est pas résolu ({problem})</translation>
    </message>
    <message>
        <source>Check the authority URL for typos.</source>
        <translation>Vérifiez que l&apos;URL d&apos;autorité ne contient pas de faute de frappe.</translation>
    </message>
    <message>
        <source>the certificate of {host}:{port} is not trusted ({problem})</source>
        <translation>le certificat de {host}:{port} n&apos;est pas approuvé ({problem})</translation>
    </message>
    <message>
        <source>Microsoft&apos;s hosts are checked against the system&apos;s CAs only (CAMPSYNC_CA_BUNDLE is not used for them): if your network inspects TLS, install its CA in the system&apos;s trust store.</source>
        <translation>Les hôtes de Microsoft sont vérifiés uniquement auprès des autorités de certification du système (CAMPSYNC_CA_BUNDLE n&apos;est pas utilisé pour eux)&#xa0;: si votre réseau inspecte le trafic TLS, installez son autorité de certification dans le magasin de confiance du système.</translation>
    </message>
    <message>
        <source>If your network inspects TLS, or this is the sandbox org, set CAMPSYNC_CA_BUNDLE to the CA certificate file (the sandbox prints it).</source>
        <translation>Si votre réseau inspecte le trafic TLS, ou s&apos;il s&apos;agit de l&apos;organisation sandbox, définissez CAMPSYNC_CA_BUNDLE sur le fichier du certificat CA (la sandbox l&apos;affiche).</translation>
    </message>
    <message>
        <source>TLS handshake with {host}:{port} failed ({problem})</source>
        <translation>échec de la négociation TLS avec {host}:{port} ({problem})</translation>
    </message>
    <message>
        <source>Check that the URL points at an HTTPS server.</source>
        <translation>Vérifiez que l&apos;URL pointe vers un serveur HTTPS.</translation>
    </message>
    <message>
        <source>nothing is listening at {host}:{port} (connection refused)</source>
        <translation>rien n&apos;écoute sur {host}:{port} (connexion refusée)</translation>
    </message>
    <message>
        <source>Check the port in the URL, and that the org (or `campsync sandbox`) is running.</source>
        <translation>Vérifiez le port dans l&apos;URL, et que l&apos;organisation (ou `campsync sandbox`) est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>cannot reach {host}:{port} ({problem})</source>
        <translation>impossible de joindre {host}:{port} ({problem})</translation>
    </message>
    <message>
        <source>Check the network, proxy and firewall between this machine and the org.</source>
        <translation>Vérifiez le réseau, le proxy et le pare-feu entre cette machine et l&apos;organisation.</translation>
    </message>
    <message>
        <source>org {host}: {version}, issued by {issuer}</source>
        <translation>organisation {host}&#xa0;: {version}, émis par {issuer}</translation>
    </message>
    <message>
        <source>authority {host}: {version}, issued by {issuer}</source>
        <translation>autorité {host}&#xa0;: {version}, émis par {issuer}</translation>
    </message>
    <message>
        <source>trusted through the extra CA</source>
        <translation>approuvé via l&apos;autorité de certification supplémentaire</translation>
    </message>
    <message>
        <source>The certificate of {host} expires soon; tell whoever runs that server.</source>
        <translation>Le certificat de {host} expire bientôt&#xa0;; prévenez la personne qui gère ce serveur.</translation>
    </message>
    <message>
        <source>not signed in: run campsync login (or campsync login --device-code)</source>
        <translation>non connecté&#xa0;: exécutez campsync login (ou campsync login --device-code)</translation>
    </message>
    <message>
        <source>Sign in as yourself: `campsync login` opens the browser; `campsync login --device-code` works without one.</source>
        <translation>Connectez-vous avec votre propre compte&#xa0;: `campsync login` ouvre le navigateur&#xa0;; `campsync login --device-code` fonctionne sans navigateur.</translation>
    </message>
    <message>
        <source>signed in as {user} (browser sign-in), token issued by {authority}</source>
        <translation>connecté en tant que {user} (connexion par navigateur), jeton émis par {authority}</translation>
    </message>
    <message>
        <source>signed in as {user} (device code sign-in), token issued by {authority}</source>
        <translation>connecté en tant que {user} (connexion par code d&apos;appareil), jeton émis par {authority}</translation>
    </message>
    <message>
        <source>signed in as {user}, token issued by {authority}</source>
        <translation>connecté en tant que {user}, jeton émis par {authority}</translation>
    </message>
    <message>
        <source>the org rejected the token: {problem}</source>
        <translation>l&apos;organisation a refusé le jeton&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Ask your Dynamics administrator to add your account to this environment with a security role.</source>
        <translation>Demandez à votre administrateur Dynamics d&apos;ajouter votre compte à cet environnement avec un rôle de sécurité.</translation>
    </message>
    <message>
        <source>Create an application user for this client id in the Power Platform admin center and give it a security role.</source>
        <translation>Créez un utilisateur d&apos;application pour cet ID client dans le centre d&apos;administration Power Platform et attribuez-lui un rôle de sécurité.</translation>
    </message>
    <message>
        <source>user {user} in organization {organization}</source>
        <translation>utilisateur {user} dans l&apos;organisation {organization}</translation>
    </message>
    <message>
        <source>CampSync is built for Dataverse 9.x (Web API v9.2).</source>
        <translation>CampSync est conçu pour Dataverse 9.x (Web API v9.2).</translation>
    </message>
    <message>
        <source>{solution} is not installed in this org</source>
        <translation>la solution {solution} n&apos;est pas installée dans cette organisation</translation>
    </message>
    <message>
        <source>Import the {solution} solution, version {minimum} or later, into the org.</source>
        <translation>Importez la solution {solution}, version {minimum} ou ultérieure, dans l&apos;organisation.</translation>
    </message>
    <message>
        <source>{solution} is at version {version}, older than the required {minimum}</source>
        <translation>la solution {solution} est en version {version}, antérieure à la version requise {minimum}</translation>
    </message>
    <message>
        <source>Update {solution} to {minimum} or later (import over it with &apos;Update&apos;).</source>
        <translation>Mettez à jour {solution} vers la version {minimum} ou ultérieure (importez-la par-dessus avec « Mettre à jour »).</translation>
    </message>
    <message>
        <source>{solution} {version} (needs ≥ {minimum})</source>
        <translation>{solution} {version} (requiert ≥ {minimum})</translation>
    </message>
    <message>
        <source>cannot read {table}: {problem}</source>
        <translation>impossible de lire {table}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Give the application user a security role with read access to Campaign and Marketing List (and write to Marketing List and its members).</source>
        <translation>Attribuez à l&apos;utilisateur d&apos;application un rôle de sécurité avec l&apos;accès en lecture à Campagne et Liste marketing (et en écriture à Liste marketing et à ses membres).</translation>
    </message>
    <message>
        <source>{table} readable ({count} row sampled)</source>
        <translation>{table} lisible ({count} ligne échantillonnée)</translation>
    </message>
    <message>
        <source>could not read the org&apos;s $metadata: {problem}; {bulk}</source>
        <translation>impossible de lire le $metadata de l&apos;organisation&#xa0;: {problem}&#xa0;; {bulk}</translation>
    </message>
    <message>
        <source>Run the doctor again; if it persists, send `campsync doctor --json` to support.</source>
        <translation>Relancez le diagnostic&#xa0;; si le problème persiste, envoyez la sortie de `campsync doctor --json` au support.</translation>
    </message>
    <message>
        <source>could not read whether the org tracks changes of leads and contacts: {problem}</source>
        <translation>impossible de savoir si l&apos;organisation suit les modifications des leads et des contacts&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Pulls try incremental reads anyway and read everything when the org refuses them.</source>
        <translation>Les récupérations tentent quand même des lectures incrémentielles et relisent tout lorsque l&apos;organisation les refuse.</translation>
    </message>
    <message>
        <source>bulk requests: {start} leads per CreateMultiple at first, at most {most}, fewer when the org is slow; each may take {seconds} s</source>
        <translation>requêtes groupées&#xa0;: {start} leads par CreateMultiple au début, {most} au maximum, moins lorsque l&apos;organisation est lente&#xa0;; chacune peut prendre {seconds} s</translation>
    </message>
    <message>
        <source>bulk requests: {start} leads per CreateMultiple at first, at most {most}, {now} now (learned this session), fewer when the org is slow; each may take {seconds} s</source>
        <translation>requêtes groupées&#xa0;: {start} leads par CreateMultiple au début, {most} au maximum, {now} actuellement (appris pendant cette session), moins lorsque l&apos;organisation est lente&#xa0;; chacune peut prendre {seconds} s</translation>
    </message>
    <message>
        <source>could not read the privileges of user {user}: {problem}</source>
        <translation>impossible de lire les privilèges de l&apos;utilisateur {user}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Give the application user read access to Users (prvReadUser) so the doctor can check its privileges, or check its security roles in the Power Platform admin center.</source>
        <translation>Accordez à l&apos;utilisateur d&apos;application l&apos;accès en lecture aux Utilisateurs (prvReadUser) pour que le diagnostic puisse vérifier ses privilèges, ou vérifiez ses rôles de sécurité dans le centre d&apos;administration Power Platform.</translation>
    </message>
    <message>
        <source>campaign sync is disabled for this connection: flow actions are blocked</source>
        <translation>la synchronisation des campagnes est désactivée pour cette connexion&#xa0;: les actions de flux sont bloquées</translation>
    </message>
    <message>
        <source>An admin turns it on with `campsync sync enable` (or Settings in the window).</source>
        <translation>Un administrateur l&apos;active avec `campsync sync enable` (ou Paramètres dans la fenêtre).</translation>
    </message>
    <message>
        <source>skipped — needs {reasons}; the setting is on for this connection</source>
        <translation>ignoré — requiert {reasons}&#xa0;; le paramètre est activé pour cette connexion</translation>
    </message>
    <message>
        <source>campaign sync is enabled</source>
        <translation>la synchronisation des campagnes est activée</translation>
    </message>
    <message>
        <source>p50 {p50} ms, p95 {p95} ms over {count} WhoAmI calls</source>
        <translation>p50 {p50} ms, p95 {p95} ms sur {count} appels WhoAmI</translation>
    </message>
    <message>
        <source>Requests are slow: large syncs will take longer; check the network or VPN.</source>
        <translation>Les requêtes sont lentes&#xa0;: les synchronisations volumineuses prendront plus de temps&#xa0;; vérifiez le réseau ou le VPN.</translation>
    </message>
    <message>
        <source>Sign in again: {hint}.</source>
        <translation>Reconnectez-vous&#xa0;: {hint}.</translation>
    </message>
    <message>
        <source>Fix the certificate file as the message says, or give the profile a new certificate.</source>
        <translation>Corrigez le fichier de certificat comme l&apos;indique le message, ou attribuez un nouveau certificat au profil.</translation>
    </message>
    <message>
        <source>Upload the certificate&apos;s public part to the app registration under Certificates &amp; secrets.</source>
        <translation>Chargez la partie publique du certificat dans l&apos;inscription d&apos;application, sous Certificats &amp; secrets.</translation>
    </message>
    <message>
        <source>Copy the Directory (tenant) ID from the app registration&apos;s Overview page.</source>
        <translation>Copiez l&apos;ID de l&apos;annuaire (locataire) depuis la page Vue d&apos;ensemble de l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>Copy the Application (client) ID from the app registration&apos;s Overview page.</source>
        <translation>Copiez l&apos;ID d&apos;application (client) depuis la page Vue d&apos;ensemble de l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>Create a client secret under Certificates &amp; secrets and paste its Value.</source>
        <translation>Créez un secret client sous Certificats &amp; secrets et collez sa Valeur.</translation>
    </message>
    <message>
        <source>The org URL must be the Dataverse environment URL of this tenant.</source>
        <translation>L&apos;URL de l&apos;organisation doit être l&apos;URL de l&apos;environnement Dataverse de ce locataire.</translation>
    </message>
    <message>
        <source>Check the tenant id, client id and secret of the app registration.</source>
        <translation>Vérifiez l&apos;ID de locataire, l&apos;ID client et le secret de l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>See the message; `campsync doctor --json` gives the full report for support.</source>
        <translation>Consultez le message&#xa0;; `campsync doctor --json` fournit le rapport complet pour le support.</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>émetteur inconnu</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>valide jusqu&apos;au {date}</translation>
    </message>
    <message>
        <source>expires in {days} days</source>
        <translation>expire dans {days} jours</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>TLS and certificate</source>
        <translation>TLS et certificat</translation>
    </message>
    <message>
        <source>Token from the authority</source>
        <translation>Jeton de l&apos;autorité</translation>
    </message>
    <message>
        <source>WhoAmI</source>
        <translation>WhoAmI</translation>
    </message>
    <message>
        <source>Org version</source>
        <translation>Version de l&apos;organisation</translation>
    </message>
    <message>
        <source>Prerequisite solution</source>
        <translation>Solution prérequise</translation>
    </message>
    <message>
        <source>Read campaigns and lists</source>
        <translation>Lecture des campagnes et des listes</translation>
    </message>
    <message>
        <source>Org capabilities</source>
        <translation>Capacités de l&apos;organisation</translation>
    </message>
    <message>
        <source>Change tracking</source>
        <translation>Suivi des modifications</translation>
    </message>
    <message>
        <source>Privileges for flow actions</source>
        <translation>Privilèges pour les actions de flux</translation>
    </message>
    <message>
        <source>Campaign sync enabled</source>
        <translation>Synchronisation des campagnes activée</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Recommended parallelism</source>
        <translation>Parallélisme recommandé</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>ALERTE</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>non exécuté</translation>
    </message>
    <message>
        <source>the org URL</source>
        <translation>l&apos;URL de l&apos;organisation</translation>
    </message>
    <message>
        <source>the tenant id</source>
        <translation>l&apos;ID de locataire</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>l&apos;ID client</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>le secret client</translation>
    </message>
    <message>
        <source>Use the environment URL from the Power Platform admin center.</source>
        <translation>Utilisez l&apos;URL de l&apos;environnement indiquée dans le centre d&apos;administration Power Platform.</translation>
    </message>
    <message>
        <source>{step} (failed)</source>
        <translation>{step} (en échec)</translation>
    </message>
    <message>
        <source>{step} (not run)</source>
        <translation>{step} (non exécuté)</translation>
    </message>
    <message>
        <source>skipped — needs {reasons}</source>
        <translation>ignoré — requiert {reasons}</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Test connectivity</source>
        <translation>Tester la connectivité</translation>
    </message>
    <message>
        <source>Testing {name} — {url}</source>
        <translation>Test de {name} — {url}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Details and fix</source>
        <translation>Détails et correctif</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>Correctif&#xa0;: {fix}</translation>
    </message>
    <message>
        <source>{summary} — see the fix on each red row.</source>
        <translation>{summary} — voir le correctif sur chaque ligne rouge.</translation>
    </message>
</context>
<context>
    <name>DragBadge</name>
    <message>
        <source>{n} person</source>
        <translation>{n} personne</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personnes</translation>
    </message>
</context>
<context>
    <name>DragPayload</name>
    <message>
        <source>{count} people</source>
        <translation>{count} personnes</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} membres</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message>
        <source>sandbox</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>ExpectedConnection</name>
    <message>
        <source>your organisation</source>
        <translation>votre organisation</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FilterRow</name>
    <message>
        <source>is</source>
        <translation>est</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>n&apos;est pas</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>ne contient pas</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>commence par</translation>
    </message>
    <message>
        <source>is greater than</source>
        <translation>est supérieur à</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>est inférieur à</translation>
    </message>
    <message>
        <source>is any of</source>
        <translation>est l&apos;un de</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>n&apos;est aucun de</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>n&apos;est pas vide</translation>
    </message>
    <message>
        <source>is on</source>
        <translation>est le</translation>
    </message>
    <message>
        <source>is not on</source>
        <translation>n&apos;est pas le</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>est après</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>est avant</translation>
    </message>
    <message>
        <source>Person field</source>
        <translation>Champ de la personne</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Member of Microsoft Campaign</source>
        <translation>Membre de Microsoft Campaign</translation>
    </message>
    <message>
        <source>Remove this filter (the numbers after it move up)</source>
        <translation>Supprimer ce filtre (les filtres suivants sont renumérotés)</translation>
    </message>
    <message>
        <source>has</source>
        <translation>a eu</translation>
    </message>
    <message>
        <source>has not</source>
        <translation>n&apos;a pas eu</translation>
    </message>
    <message>
        <source>detail contains (optional)</source>
        <translation>le détail contient (facultatif)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>à tout moment</translation>
    </message>
    <message>
        <source>within </source>
        <translation>dans les </translation>
    </message>
    <message>
        <source> days</source>
        <translation> derniers jours</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>au moins </translation>
    </message>
    <message>
        <source> times</source>
        <translation> fois</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>membre de</translation>
    </message>
    <message>
        <source>not member of</source>
        <translation>non membre de</translation>
    </message>
    <message>
        <source>choose campaigns</source>
        <translation>choisir des campagnes</translation>
    </message>
    <message>
        <source>Membership through CampSync&apos;s own lists only (added by a flow action)</source>
        <translation>Appartenance par les listes propres à CampSync uniquement (ajout par une action de flux)</translation>
    </message>
    <message>
        <source>(added through CampSync)</source>
        <translation>(ajouté via CampSync)</translation>
    </message>
    <message>
        <source>Unknown kind {value!r}</source>
        <translation>Type inconnu {value!r}</translation>
    </message>
    <message>
        <source>Unknown field {value!r}</source>
        <translation>Champ inconnu {value!r}</translation>
    </message>
    <message>
        <source>{op} (not valid here)</source>
        <translation>{op} (non valide ici)</translation>
    </message>
    <message>
        <source>values, separated by commas</source>
        <translation>valeurs, séparées par des virgules</translation>
    </message>
    <message>
        <source>2024-01-31, 2024-01-31T09:30 or epoch seconds</source>
        <translation>2024-01-31, 2024-01-31T09:30 ou secondes Unix (epoch)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
</context>
<context>
    <name>FlowController</name>
    <message>
        <source>Nothing to redo.</source>
        <translation>Rien à rétablir.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent to Dynamics.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été envoyé à Dynamics.</translation>
    </message>
    <message>
        <source>Nothing to do: everyone is skipped or blocked.</source>
        <translation>Rien à faire&#xa0;: toutes les personnes sont ignorées ou bloquées.</translation>
    </message>
    <message>
        <source>Nothing to do: {reasons}</source>
        <translation>Rien à faire&#xa0;: {reasons}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Undo last flow action</source>
        <translation>&amp;Annuler la dernière action de flux</translation>
    </message>
    <message>
        <source>Sending {count} queued action(s) to Dynamics…</source>
        <translation>Envoi à Dynamics de {count} action(s) en file d&apos;attente…</translation>
    </message>
    <message>
        <source>{count} confirmed by Dynamics</source>
        <translation>{count} confirmée(s) par Dynamics</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} en échec</translation>
    </message>
    <message>
        <source>{count} blocked</source>
        <translation>{count} bloquée(s)</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count} ignorée(s)</translation>
    </message>
    <message>
        <source>{count} still pending</source>
        <translation>{count} encore en attente</translation>
    </message>
    <message>
        <source>Sync finished: {parts}.</source>
        <translation>Synchronisation terminée&#xa0;: {parts}.</translation>
    </message>
    <message>
        <source>Stopping after the current batch; the rest stays queued.</source>
        <translation>Arrêt après le lot en cours&#xa0;; le reste demeure en file d&apos;attente.</translation>
    </message>
    <message>
        <source>Retrying {count} failed action(s)…</source>
        <translation>Nouvelle tentative pour {count} action(s) en échec…</translation>
    </message>
    <message>
        <source>Cancelled {count} queued action(s).</source>
        <translation>{count} action(s) en file d&apos;attente annulée(s).</translation>
    </message>
</context>
<context>
    <name>FlowEditor</name>
    <message>
        <source>Add to Microsoft Campaign</source>
        <translation>Ajouter à Microsoft Campaign</translation>
    </message>
    <message>
        <source>Remove from Microsoft Campaign</source>
        <translation>Supprimer de Microsoft Campaign</translation>
    </message>
    <message>
        <source>Change data value</source>
        <translation>Modifier la valeur des données</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <source>The flow is empty: add at least one step. Steps run in order for each person.</source>
        <translation>Le flux est vide&#xa0;: ajoutez au moins une étape. Les étapes s&apos;exécutent dans l&apos;ordre pour chaque personne.</translation>
    </message>
</context>
<context>
    <name>Flows</name>
    <message>
        <source>will add</source>
        <translation>à ajouter</translation>
    </message>
    <message>
        <source>will create in Dynamics, then add</source>
        <translation>à créer dans Dynamics, puis ajouter</translation>
    </message>
    <message>
        <source>will remove</source>
        <translation>à retirer</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>à ignorer</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué(s)</translation>
    </message>
    <message>
        <source>already queued to be added</source>
        <translation>ajout déjà en file d&apos;attente</translation>
    </message>
    <message>
        <source>already queued to be removed</source>
        <translation>suppression déjà en file d&apos;attente</translation>
    </message>
    <message>
        <source>campaign sync is disabled for this connection (an admin can enable it: Admin → Settings)</source>
        <translation>la synchronisation des campagnes est désactivée pour cette connexion (un administrateur peut l&apos;activer&#xa0;: Administration → Paramètres)</translation>
    </message>
    <message>
        <source>campaign {campaign} does not exist in Dynamics (deleted, or not refreshed yet)</source>
        <translation>la campagne {campaign} n&apos;existe pas dans Dynamics (supprimée, ou pas encore actualisée)</translation>
    </message>
    <message>
        <source>campaign {campaign} is inactive in Dynamics</source>
        <translation>la campagne {campaign} est inactive dans Dynamics</translation>
    </message>
    <message>
        <source>already a member (added by CampSync)</source>
        <translation>déjà membre (ajouté par CampSync)</translation>
    </message>
    <message>
        <source>add as lead (also on a CRM list of this campaign)</source>
        <translation>ajout comme lead (figure aussi sur une liste CRM de cette campagne)</translation>
    </message>
    <message>
        <source>add as lead</source>
        <translation>ajout comme lead</translation>
    </message>
    <message>
        <source>add as contact (also on a CRM list of this campaign)</source>
        <translation>ajout comme contact (figure aussi sur une liste CRM de cette campagne)</translation>
    </message>
    <message>
        <source>add as contact</source>
        <translation>ajout comme contact</translation>
    </message>
    <message>
        <source>not in Dynamics yet: a lead is created first</source>
        <translation>pas encore dans Dynamics&#xa0;: un lead est d&apos;abord créé</translation>
    </message>
    <message>
        <source>added by CampSync</source>
        <translation>ajouté par CampSync</translation>
    </message>
    <message>
        <source>added outside CampSync (a CRM list); CampSync removes only people its flow actions added</source>
        <translation>ajouté en dehors de CampSync (une liste CRM)&#xa0;; CampSync ne supprime que les personnes ajoutées par ses actions de flux</translation>
    </message>
    <message>
        <source>not a member of this campaign</source>
        <translation>pas membre de cette campagne</translation>
    </message>
    <message>
        <source>no email address: cannot create the lead in Dynamics</source>
        <translation>pas d&apos;adresse e-mail&#xa0;: impossible de créer le lead dans Dynamics</translation>
    </message>
    <message>
        <source>no name: Dynamics needs a last name to create a lead</source>
        <translation>pas de nom&#xa0;: Dynamics a besoin d&apos;un nom de famille pour créer un lead</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>&lt;b&gt;Add people to a campaign&lt;/b&gt;: drag them from People onto an active campaign, or select them and press
&lt;b&gt;Ctrl+Enter&lt;/b&gt; (Edit → Add to campaign…). A preview says who will be added, created in Dynamics first,
skipped or blocked, and why: &lt;b&gt;Enter&lt;/b&gt; confirms, &lt;b&gt;Esc&lt;/b&gt; cancels.</source>
        <translation>&lt;b&gt;Ajouter des personnes à une campagne&lt;/b&gt;&#xa0;: faites-les glisser depuis Personnes vers une campagne active, ou sélectionnez-les et appuyez sur
&lt;b&gt;Ctrl+Enter&lt;/b&gt; (Édition → Ajouter à la campagne…). Un aperçu indique qui sera ajouté, créé d&apos;abord dans Dynamics,
ignoré ou bloqué, et pourquoi&#xa0;: &lt;b&gt;Enter&lt;/b&gt; confirme, &lt;b&gt;Esc&lt;/b&gt; annule.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remove people&lt;/b&gt;: select a campaign, then drag members back to People, or select them and press
&lt;b&gt;Delete&lt;/b&gt;. Only people CampSync added can be removed; members from CRM lists are locked.</source>
        <translation>&lt;b&gt;Retirer des personnes&lt;/b&gt;&#xa0;: sélectionnez une campagne, puis faites glisser les membres vers Personnes, ou sélectionnez-les et appuyez sur
&lt;b&gt;Delete&lt;/b&gt;. Seules les personnes ajoutées par CampSync peuvent être retirées&#xa0;; les membres issus de listes CRM sont verrouillés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Undo&lt;/b&gt; (Ctrl+Z) takes back the last flow action for exactly the people it changed, also after a
restart.</source>
        <translation>&lt;b&gt;Annuler&lt;/b&gt; (Ctrl+Z) revient sur la dernière action de flux, exactement pour les personnes qu&apos;elle a modifiées, même après un
redémarrage.</translation>
    </message>
    <message>
        <source>The &lt;b&gt;live log&lt;/b&gt; shows &lt;i&gt;Added to / Removed from Microsoft Campaign&lt;/i&gt; as Dynamics confirms each change;
the &lt;b&gt;queue&lt;/b&gt; shows what is pending or failed, with the server&apos;s message (retry, cancel).</source>
        <translation>Le &lt;b&gt;journal en direct&lt;/b&gt; affiche &lt;i&gt;Ajouté à / Supprimé de Microsoft Campaign&lt;/i&gt; à mesure que Dynamics confirme chaque modification&#xa0;;
la &lt;b&gt;file d&apos;attente&lt;/b&gt; affiche ce qui est en attente ou en échec, avec le message du serveur (réessayer, annuler).</translation>
    </message>
    <message>
        <source>Campaign sync works only when it is on (Admin → Settings), the prerequisite solution is current and the
campaign is active. &lt;b&gt;Admin → Test connectivity&lt;/b&gt; checks the connection step by step.</source>
        <translation>La synchronisation des campagnes ne fonctionne que si elle est activée (Administration → Paramètres), si la solution prérequise est à jour et si la
campagne est active. &lt;b&gt;Administration → Tester la connectivité&lt;/b&gt; vérifie la connexion étape par étape.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;built-in sandbox org&lt;/b&gt; nothing touches a real Dynamics 365 org; it keeps what you do between
runs. Add your org with Admin → Connections.</source>
        <translation>Sur l&apos;&lt;b&gt;organisation sandbox intégrée&lt;/b&gt;, rien ne touche une vraie organisation Dynamics 365&#xa0;; elle conserve ce que vous faites d&apos;une
exécution à l&apos;autre. Ajoutez votre organisation avec Administration → Connexions.</translation>
    </message>
    <message>
        <source>Add the selected people to a campaign…</source>
        <translation>Ajouter les personnes sélectionnées à une campagne…</translation>
    </message>
    <message>
        <source>Remove the selected members from the campaign</source>
        <translation>Retirer les membres sélectionnés de la campagne</translation>
    </message>
    <message>
        <source>Undo / redo the last flow action</source>
        <translation>Annuler / rétablir la dernière action de flux</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Rechercher des personnes</translation>
    </message>
    <message>
        <source>Select every person that matches the search</source>
        <translation>Sélectionner toutes les personnes correspondant à la recherche</translation>
    </message>
    <message>
        <source>Move between panels; arrows move inside a table</source>
        <translation>Passer d&apos;un panneau à l&apos;autre&#xa0;; les flèches se déplacent dans un tableau</translation>
    </message>
    <message>
        <source>Next tab (People and campaigns, Automation)</source>
        <translation>Onglet suivant (Personnes et campagnes, Automatisation)</translation>
    </message>
    <message>
        <source>Show or hide the live log and queue</source>
        <translation>Afficher ou masquer le journal en direct et la file d&apos;attente</translation>
    </message>
    <message>
        <source>Import people from a CSV file</source>
        <translation>Importer des personnes depuis un fichier CSV</translation>
    </message>
    <message>
        <source>Pull people and members from Dynamics</source>
        <translation>Récupérer les personnes et les membres depuis Dynamics</translation>
    </message>
    <message>
        <source>Refresh campaigns</source>
        <translation>Actualiser les campagnes</translation>
    </message>
    <message>
        <source>Connections / Settings / Test connectivity</source>
        <translation>Connexions / Paramètres / Tester la connectivité</translation>
    </message>
    <message>
        <source>Confirm / cancel a preview</source>
        <translation>Confirmer / annuler un aperçu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CampSync&lt;/h3&gt;&lt;p&gt;Add people to Microsoft Dynamics 365 campaigns, and take them off again, from a desktop window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CampSync&lt;/h3&gt;&lt;p&gt;Ajoutez des personnes aux campagnes Microsoft Dynamics 365, et retirez-les, depuis une fenêtre de bureau.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Campaign / details</source>
        <translation>Campagne / détails</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>{origin} · request {request}</source>
        <translation>{origin} · requête {request}</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Pause auto-scroll</source>
        <translation>Suspendre le défilement automatique</translation>
    </message>
    <message>
        <source>Auto-scroll paused — resume</source>
        <translation>Défilement automatique suspendu — reprendre</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} événement</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} événements</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Show one trigger only</source>
        <translation>Afficher un seul déclencheur</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Toutes les campagnes</translation>
    </message>
    <message>
        <source>Filter by email, campaign, source or who</source>
        <translation>Filtrer par e-mail, campagne, source ou auteur</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown (with the current filters) as a CSV file</source>
        <translation>Enregistrer les lignes affichées (avec les filtres actuels) dans un fichier CSV</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear this view (the trigger log in the store is kept)</source>
        <translation>Effacer cette vue (le journal des déclencheurs dans la base est conservé)</translation>
    </message>
    <message>
        <source>Trigger:</source>
        <translation>Déclencheur&#xa0;:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Campagne&#xa0;:</translation>
    </message>
    <message>
        <source>Auto-scroll is paused: click to follow the newest events again</source>
        <translation>Le défilement automatique est suspendu&#xa0;: cliquez pour suivre à nouveau les événements les plus récents</translation>
    </message>
    <message>
        <source>Keep the view where it is while new events arrive</source>
        <translation>Garder la vue en place pendant l&apos;arrivée de nouveaux événements</translation>
    </message>
    <message>
        <source>{n} new event</source>
        <translation>{n} nouvel événement</translation>
    </message>
    <message>
        <source>{n} new events</source>
        <translation>{n} nouveaux événements</translation>
    </message>
    <message>
        <source>{events} while paused</source>
        <translation>{events} pendant la pause</translation>
    </message>
    <message>
        <source>{events} below</source>
        <translation>{events} plus bas</translation>
    </message>
    <message>
        <source>{events} ({shown} shown)</source>
        <translation>{events} (affichés&#xa0;: {shown})</translation>
    </message>
    <message>
        <source>Export the log as CSV</source>
        <translation>Exporter le journal en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Could not write {path}:
{error}</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;:
{error}</translation>
    </message>
    <message>
        <source>Exported {events} to {path} — &lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</source>
        <translation>Exportation terminée&#xa0;: {events} vers {path} — &lt;a href=&quot;{folder}&quot;&gt;Ouvrir le dossier&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{events} written to {path}</source>
        <translation>Écrit dans {path}&#xa0;: {events}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import people from CSV…</source>
        <translation>&amp;Importer des personnes depuis un CSV…</translation>
    </message>
    <message>
        <source>&amp;Pull people and members from Dynamics</source>
        <translation>&amp;Récupérer les personnes et les membres depuis Dynamics</translation>
    </message>
    <message>
        <source>&amp;Refresh campaigns</source>
        <translation>A&amp;ctualiser les campagnes</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo last flow action</source>
        <translation>&amp;Annuler la dernière action de flux</translation>
    </message>
    <message>
        <source>&amp;Find people…</source>
        <translation>Re&amp;chercher des personnes…</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Test connectivity…</source>
        <translation>&amp;Tester la connectivité…</translation>
    </message>
    <message>
        <source>Show live &amp;log and queue</source>
        <translation>Afficher le &amp;journal en direct et la file d&apos;attente</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>Onglet &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>Onglet &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Prise en main</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Prise en main</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>&amp;About CampSync</source>
        <translation>À propos de &amp;CampSync</translation>
    </message>
    <message>
        <source>About CampSync</source>
        <translation>À propos de CampSync</translation>
    </message>
    <message>
        <source>{count} pending</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>The store is not answering ({reason}). CampSync reads it again shortly; nothing queued is lost.</source>
        <translation>La base ne répond pas ({reason}). CampSync la relit dans un instant&#xa0;; rien de ce qui est en file d&apos;attente n&apos;est perdu.</translation>
    </message>
    <message>
        <source>{task} failed: {message}</source>
        <translation>Échec de la tâche « {task} »&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Campaign sync: on</source>
        <translation>Synchronisation des campagnes&#xa0;: activée</translation>
    </message>
    <message>
        <source>Campaign sync: OFF</source>
        <translation>Synchronisation des campagnes&#xa0;: DÉSACTIVÉE</translation>
    </message>
    <message>
        <source>Reading from Dynamics…</source>
        <translation>Lecture depuis Dynamics…</translation>
    </message>
    <message>
        <source>latency {ms} ms</source>
        <translation>latence {ms} ms</translation>
    </message>
    <message>
        <source>Could not read from Dynamics: {reason}</source>
        <translation>Impossible de lire depuis Dynamics&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Finishing flow actions left queued last time…</source>
        <translation>Fin des actions de flux restées en file d&apos;attente la dernière fois…</translation>
    </message>
    <message>
        <source>{count} campaigns loaded.</source>
        <translation>{count} campagnes chargées.</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Importer des personnes</translation>
    </message>
    <message>
        <source>Importing people from {file}…</source>
        <translation>Importation des personnes depuis {file}…</translation>
    </message>
    <message>
        <source>{count} people qualify for {campaign} now.

Run it?</source>
        <translation>{count} personnes sont qualifiées pour {campaign} maintenant.

L&apos;exécuter&#xa0;?</translation>
    </message>
    <message>
        <source>Run batch campaign</source>
        <translation>Exécuter la campagne par lots</translation>
    </message>
    <message>
        <source>{campaign}: {processed} of {qualified} people processed (aborted).</source>
        <translation>{campaign}&#xa0;: {processed} personnes traitées sur {qualified} (exécution interrompue).</translation>
    </message>
    <message>
        <source>{campaign}: {processed} of {qualified} people processed.</source>
        <translation>{campaign}&#xa0;: {processed} personnes traitées sur {qualified}.</translation>
    </message>
    <message>
        <source>Scheduled batch campaign {campaign}: {processed} people processed.</source>
        <translation>Campagne par lots planifiée {campaign}&#xa0;: {processed} personnes traitées.</translation>
    </message>
    <message>
        <source>The connection {name} is the default now.

Switch to it now? CampSync closes this connection and opens the new one.</source>
        <translation>La connexion {name} est désormais celle par défaut.

Basculer vers elle maintenant&#xa0;? CampSync ferme cette connexion et ouvre la nouvelle.</translation>
    </message>
    <message>
        <source>Still on {current}; CampSync uses the connection {name} at its next start.</source>
        <translation>Toujours sur {current}&#xa0;; CampSync utilisera la connexion {name} à son prochain démarrage.</translation>
    </message>
    <message>
        <source>The built-in sandbox org is the default now.

Switch to it now? CampSync closes this connection and opens the new one.</source>
        <translation>L&apos;organisation sandbox intégrée est désormais celle par défaut.

Basculer vers elle maintenant&#xa0;? CampSync ferme cette connexion et ouvre la nouvelle.</translation>
    </message>
    <message>
        <source>Still on {current}; CampSync uses the built-in sandbox org at its next start.</source>
        <translation>Toujours sur {current}&#xa0;; CampSync utilisera l&apos;organisation sandbox intégrée à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Switch connection</source>
        <translation>Changer de connexion</translation>
    </message>
    <message>
        <source>{who} — this window</source>
        <translation>{who} — cette fenêtre</translation>
    </message>
    <message>
        <source>Connected to the team&apos;s store:</source>
        <translation>Connecté à la base d&apos;équipe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>CRM list (locked)</source>
        <translation>Liste CRM (verrouillée)</translation>
    </message>
    <message>
        <source>By CampSync</source>
        <translation>Par CampSync</translation>
    </message>
    <message>
        <source>Added by CampSync: drag back to the people list (or press Delete) to remove.</source>
        <translation>Ajouté par CampSync&#xa0;: faites glisser vers la liste des personnes (ou appuyez sur la touche Suppr/Delete) pour retirer.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Not in Dynamics</source>
        <translation>Hors Dynamics</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Score ≥ {score}</source>
        <translation>Score ≥ {score}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Search name, email, company…</source>
        <translation>Rechercher un nom, un e-mail, une entreprise…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Rechercher des personnes</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Trouver des personnes</translation>
    </message>
    <message>
        <source>&amp;Add to campaign…</source>
        <translation>&amp;Ajouter à une campagne…</translation>
    </message>
    <message>
        <source>Choose a campaign for the selected people; a preview comes first</source>
        <translation>Choisissez une campagne pour les personnes sélectionnées&#xa0;; un aperçu s&apos;affiche d&apos;abord</translation>
    </message>
    <message>
        <source>&amp;Copy email(s)</source>
        <translation>&amp;Copier le(s) e-mail(s)</translation>
    </message>
    <message>
        <source>&amp;Select all matches</source>
        <translation>&amp;Sélectionner tous les résultats</translation>
    </message>
    <message>
        <source>Every person the search and quick filter match, not only those shown</source>
        <translation>Toutes les personnes correspondant à la recherche et au filtre rapide, pas seulement celles affichées</translation>
    </message>
    <message>
        <source>Could not read the people: {error}</source>
        <translation>Impossible de lire les personnes&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Select people first (Ctrl+A takes every match).</source>
        <translation>Sélectionnez d&apos;abord des personnes (Ctrl+A sélectionne toutes les correspondances).</translation>
    </message>
    <message>
        <source>{n} email address</source>
        <translation>{n} adresse e-mail</translation>
    </message>
    <message>
        <source>{n} email addresses</source>
        <translation>{n} adresses e-mail</translation>
    </message>
    <message>
        <source>Copied {addresses}.</source>
        <translation>Copié&#xa0;: {addresses}.</translation>
    </message>
    <message>
        <source>{n} person</source>
        <translation>{n} personne</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personnes</translation>
    </message>
    <message>
        <source>≥ {matching} of {people} so far…</source>
        <translation>≥ {matching} sur {people} pour l&apos;instant…</translation>
    </message>
    <message>
        <source>{matching} of {people}</source>
        <translation>{matching} sur {people}</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Local only</source>
        <translation>Local uniquement</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>In Dynamics</source>
        <translation>Dans Dynamics</translation>
    </message>
    <message>
        <source>Not in Dynamics</source>
        <translation>Absent de Dynamics</translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>A campaign change for this person is queued and not yet confirmed by Dynamics.</source>
        <translation>Une modification de campagne pour cette personne est en file d&apos;attente et n&apos;est pas encore confirmée par Dynamics.</translation>
    </message>
    <message>
        <source>Only in CampSync. Adding them to a campaign creates them in Dynamics as a lead first.</source>
        <translation>Uniquement dans CampSync. L&apos;ajout de cette personne à une campagne la crée d&apos;abord dans Dynamics en tant que lead.</translation>
    </message>
    <message>
        <source>Dynamics id {id}</source>
        <translation>ID Dynamics {id}</translation>
    </message>
    <message>
        <source>Not yet in Dynamics: a lead is created when they are first added to a campaign.</source>
        <translation>Pas encore dans Dynamics&#xa0;: un lead est créé lors du premier ajout de cette personne à une campagne.</translation>
    </message>
</context>
<context>
    <name>PlanItemsModel</name>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Will happen</source>
        <translation>Ce qui va se passer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Add to Microsoft Campaign — preview</source>
        <translation>Ajouter à Microsoft Campaign — aperçu</translation>
    </message>
    <message>
        <source>Add to &lt;i&gt;{campaign}&lt;/i&gt;</source>
        <translation>Ajouter à &lt;i&gt;{campaign}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Remove from Microsoft Campaign — preview</source>
        <translation>Supprimer de Microsoft Campaign — aperçu</translation>
    </message>
    <message>
        <source>Remove from &lt;i&gt;{campaign}&lt;/i&gt;</source>
        <translation>Supprimer de &lt;i&gt;{campaign}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Redo — preview</source>
        <translation>Rétablir — aperçu</translation>
    </message>
    <message>
        <source>Undo — preview</source>
        <translation>Annuler — aperçu</translation>
    </message>
    <message>
        <source>Also undo what trigger campaigns did because of it:</source>
        <translation>Annuler aussi ce que les campagnes déclenchées ont fait en conséquence&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c5221f&apos;&gt;Production org.&lt;/b&gt; Type the campaign name &lt;b&gt;{campaign}&lt;/b&gt; to confirm.</source>
        <translation>&lt;b style=&apos;color:#c5221f&apos;&gt;Organisation de production.&lt;/b&gt; Saisissez le nom de la campagne &lt;b&gt;{campaign}&lt;/b&gt; pour confirmer.</translation>
    </message>
    <message>
        <source>Nothing to do: every person is skipped or blocked (see why above).</source>
        <translation>Rien à faire&#xa0;: chaque personne est ignorée ou bloquée (voir pourquoi ci-dessus).</translation>
    </message>
    <message>
        <source>Nobody to change.</source>
        <translation>Aucune personne à modifier.</translation>
    </message>
    <message>
        <source>{n} person</source>
        <translation>{n} personne</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personnes</translation>
    </message>
    <message>
        <source>Remove {people}</source>
        <translation>Supprimer {people}</translation>
    </message>
    <message>
        <source>Add back {people}</source>
        <translation>Rajouter {people}</translation>
    </message>
    <message>
        <source>Add {people}</source>
        <translation>Ajouter {people}</translation>
    </message>
    <message>
        <source>{n} chained change</source>
        <translation>{n} modification en chaîne</translation>
    </message>
    <message>
        <source>{n} chained changes</source>
        <translation>{n} modifications en chaîne</translation>
    </message>
</context>
<context>
    <name>ProfileList</name>
    <message>
        <source>{name}   ★ default</source>
        <translation>{name}   ★ par défaut</translation>
    </message>
    <message>
        <source>{name}: {url} ({environment}), the default</source>
        <translation>{name}&#xa0;: {url} ({environment}), par défaut</translation>
    </message>
    <message>
        <source>{name}: {url} ({environment})</source>
        <translation>{name}&#xa0;: {url} ({environment})</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>request {id} · {origin}</source>
        <translation>requête {id} · {origin}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Retry failed</source>
        <translation>Réessayer les échecs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{pending} pending · {running} running · {failed} failed</source>
        <translation>{pending} en attente · {running} en cours · {failed} en échec</translation>
    </message>
    <message>
        <source>{counts} (showing {shown})</source>
        <translation>{counts} ({shown} affichées)</translation>
    </message>
    <message>
        <source>Try the {count} selected failed rows again</source>
        <translation>Réessayer les {count} lignes en échec sélectionnées</translation>
    </message>
    <message>
        <source>None of the selected rows failed</source>
        <translation>Aucune des lignes sélectionnées n&apos;est en échec</translation>
    </message>
    <message>
        <source>Try all {count} failed rows again</source>
        <translation>Réessayer les {count} lignes en échec</translation>
    </message>
    <message>
        <source>Nothing failed</source>
        <translation>Aucun échec</translation>
    </message>
    <message>
        <source>Cancel the {count} selected pending or failed rows</source>
        <translation>Annuler les {count} lignes sélectionnées en attente ou en échec</translation>
    </message>
    <message>
        <source>Select pending or failed rows to cancel them</source>
        <translation>Sélectionnez des lignes en attente ou en échec pour les annuler</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save every result of this campaign as a CSV file</source>
        <translation>Enregistrer tous les résultats de cette campagne dans un fichier CSV</translation>
    </message>
    <message>
        <source>{n} result</source>
        <translation>{n} résultat</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} résultats</translation>
    </message>
    <message>
        <source>{results} (the newest {max})</source>
        <translation>{results} (les {max} plus récents)</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>Exporter les résultats en CSV</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Could not write {path}:
{error}</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;:
{error}</translation>
    </message>
    <message>
        <source>Exported {results} to {path}</source>
        <translation>Exportation terminée&#xa0;: {results} vers {path}</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>Not scheduled</source>
        <translation>Pas de planification</translation>
    </message>
    <message>
        <source>Once, at</source>
        <translation>Une fois, à</translation>
    </message>
    <message>
        <source>Every day, at</source>
        <translation>Tous les jours, à</translation>
    </message>
    <message>
        <source>Every week, at</source>
        <translation>Toutes les semaines, à</translation>
    </message>
    <message>
        <source>Once: each person runs through the flow only once</source>
        <translation>Une fois&#xa0;: chaque personne ne passe qu&apos;une seule fois par le flux</translation>
    </message>
    <message>
        <source>Every time the campaign is triggered</source>
        <translation>À chaque déclenchement de la campagne</translation>
    </message>
    <message>
        <source>Once every</source>
        <translation>Une fois tous les</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Qualification rule: how often can one person run through the flow?</source>
        <translation>Règle de qualification&#xa0;: à quelle fréquence une même personne peut-elle passer par le flux&#xa0;?</translation>
    </message>
    <message>
        <source>Run now…</source>
        <translation>Exécuter maintenant…</translation>
    </message>
    <message>
        <source>Preview how many people qualify now, then run the flow for them</source>
        <translation>Prévisualiser le nombre de personnes qualifiées maintenant, puis exécuter le flux pour elles</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Planification&#xa0;:</translation>
    </message>
    <message>
        <source>Runs only when you click Run now.</source>
        <translation>S&apos;exécute uniquement lorsque vous cliquez sur Exécuter maintenant.</translation>
    </message>
    <message>
        <source>Runs once on {date} at {time} — that time has passed.</source>
        <translation>S&apos;exécute une fois le {date} à {time} — cette heure est passée.</translation>
    </message>
    <message>
        <source>Runs once on {date} at {time}.</source>
        <translation>S&apos;exécute une fois le {date} à {time}.</translation>
    </message>
    <message>
        <source>Runs every day at {time}, from {start}.</source>
        <translation>S&apos;exécute tous les jours à {time}, à partir du {start}.</translation>
    </message>
    <message>
        <source>Runs every {day} at {time}, from {start}.</source>
        <translation>S&apos;exécute chaque {day} à {time}, à partir du {start}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>While campaign sync is off, every flow action (Add to / Remove from Microsoft Campaign) is blocked for this connection. Turning it back on refreshes campaigns and CampSync&apos;s list links from Dynamics.</source>
        <translation>Tant que la synchronisation des campagnes est désactivée, toute action de flux (Ajouter à / Supprimer de Microsoft Campaign) est bloquée pour cette connexion. La réactiver actualise depuis Dynamics les campagnes et les liens de listes de CampSync.</translation>
    </message>
    <message>
        <source>New leads are created many per request: CampSync starts with the first number, sends fewer when the org is slow and more when it is quick, never more than the maximum.</source>
        <translation>Les nouveaux leads sont créés par plusieurs à la fois dans chaque requête&#xa0;: CampSync commence par le premier nombre, en envoie moins quand l&apos;organisation est lente et plus quand elle est rapide, jamais plus que le maximum.</translation>
    </message>
    <message>
        <source>The list prefix is needed: 1–{max} letters, digits or dashes.</source>
        <translation>Le préfixe de liste est requis&#xa0;: 1–{max} lettres, chiffres ou tirets.</translation>
    </message>
    <message>
        <source>The list prefix can have at most {max} characters (it has {length}).</source>
        <translation>Le préfixe de liste peut comporter au plus {max} caractères (il en a {length}).</translation>
    </message>
    <message>
        <source>The list prefix can only have letters, digits and dashes (not {bad!r}).</source>
        <translation>Le préfixe de liste ne peut contenir que des lettres, des chiffres et des tirets (pas {bad!r}).</translation>
    </message>
    <message>
        <source>The minimum version is needed, as dotted numbers such as 4.2.0.0.</source>
        <translation>La version minimale est requise, sous forme de nombres séparés par des points, comme 4.2.0.0.</translation>
    </message>
    <message>
        <source>The minimum version must be dotted numbers such as 4.2.0.0 (got {version!r}).</source>
        <translation>La version minimale doit être composée de nombres séparés par des points, comme 4.2.0.0 (reçu&#xa0;: {version!r}).</translation>
    </message>
    <message>
        <source>Settings — {scope}</source>
        <translation>Paramètres — {scope}</translation>
    </message>
    <message>
        <source>all connections</source>
        <translation>toutes les connexions</translation>
    </message>
    <message>
        <source>Campaign sync enabled</source>
        <translation>Synchronisation des campagnes activée</translation>
    </message>
    <message>
        <source>Campaign sync</source>
        <translation>Synchronisation des campagnes</translation>
    </message>
    <message>
        <source>The prefix &lt;b&gt;Mkto&lt;/b&gt; gives Marketo-compatible names (Mkto-leads-&amp;lt;campaign id&amp;gt;).</source>
        <translation>Le préfixe &lt;b&gt;Mkto&lt;/b&gt; donne des noms compatibles avec Marketo (Mkto-leads-&amp;lt;campaign id&amp;gt;).</translation>
    </message>
    <message>
        <source>How many people CampSync sends to Dynamics in one request.</source>
        <translation>Nombre de personnes que CampSync envoie à Dynamics en une seule requête.</translation>
    </message>
    <message>
        <source>Marketing lists</source>
        <translation>Listes marketing</translation>
    </message>
    <message>
        <source>List prefix</source>
        <translation>Préfixe de liste</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Leads in the first CreateMultiple request.</source>
        <translation>Leads dans la première requête CreateMultiple.</translation>
    </message>
    <message>
        <source>The most leads one request may carry.</source>
        <translation>Nombre maximal de leads qu&apos;une requête peut contenir.</translation>
    </message>
    <message>
        <source>How long CampSync waits for one bulk request before giving up on it.</source>
        <translation>Durée pendant laquelle CampSync attend une requête groupée avant d&apos;y renoncer.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Requests sent at once: as many as the org advises (x-ms-dop-hint), never more than this. 1 sends one at a time.</source>
        <translation>Requêtes envoyées simultanément&#xa0;: autant que l&apos;organisation le conseille (x-ms-dop-hint), jamais plus que cette valeur. 1 les envoie une par une.</translation>
    </message>
    <message>
        <source>Bulk requests</source>
        <translation>Requêtes groupées</translation>
    </message>
    <message>
        <source>Leads per request at first</source>
        <translation>Leads par requête au départ</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Au maximum</translation>
    </message>
    <message>
        <source>Wait for each request</source>
        <translation>Attente pour chaque requête</translation>
    </message>
    <message>
        <source>Requests at once, at most</source>
        <translation>Requêtes simultanées, au maximum</translation>
    </message>
    <message>
        <source>Prerequisite solution</source>
        <translation>Solution prérequise</translation>
    </message>
    <message>
        <source>Solution name</source>
        <translation>Nom de la solution</translation>
    </message>
    <message>
        <source>Minimum version</source>
        <translation>Version minimale</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Applies the next time CampSync starts.</source>
        <translation>S&apos;applique au prochain démarrage de CampSync.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Keep me signed in: store sign-in tokens in a file only I can read (token_cache.json, not encrypted)</source>
        <translation>Rester connecté&#xa0;: stocker les jetons de connexion dans un fichier lisible par moi seul (token_cache.json, non chiffré)</translation>
    </message>
    <message>
        <source>The name of the prerequisite solution is needed.</source>
        <translation>Le nom de la solution prérequise est requis.</translation>
    </message>
    <message>
        <source>The first request can&apos;t carry more leads than the maximum ({max}).</source>
        <translation>La première requête ne peut pas contenir plus de leads que le maximum ({max}).</translation>
    </message>
    <message>
        <source>&lt;campaign id&gt;</source>
        <translation>&lt;campaign id&gt;</translation>
    </message>
    <message>
        <source>Lists will be named {names}</source>
        <translation>Les listes seront nommées {names}</translation>
    </message>
    <message>
        <source>Lists made under the old prefix {prefix!r} will no longer count as CampSync&apos;s, so flow actions can&apos;t remove their members; new lists are made.</source>
        <translation>Les listes créées avec l&apos;ancien préfixe {prefix!r} ne seront plus considérées comme celles de CampSync, les actions de flux ne pourront donc pas en retirer les membres&#xa0;; de nouvelles listes sont créées.</translation>
    </message>
    <message>
        <source>Flow actions are blocked while this is off.</source>
        <translation>Les actions de flux sont bloquées tant que cette option est désactivée.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Use a code instead</source>
        <translation>Utiliser plutôt un code</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sign in…&lt;/b&gt;</source>
        <translation>&lt;b&gt;Connexion…&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Waiting until you enter the code and sign in (on this computer or another one)…</source>
        <translation>En attente de la saisie du code et de votre connexion (sur cet ordinateur ou un autre)…</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;</source>
        <translation>Ouvrez &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Connecté&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not signed in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Non connecté&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Your browser opens your organisation&apos;s sign-in page. Sign in there; CampSync waits here until you are done. No page opened? Use a code instead.</source>
        <translation>Votre navigateur ouvre la page de connexion de votre organisation. Connectez-vous sur cette page&#xa0;; CampSync attend ici que vous ayez terminé. Aucune page ne s&apos;est ouverte&#xa0;? Utilisez plutôt un code.</translation>
    </message>
    <message>
        <source>No web browser can be opened on this computer. Sign in with a code instead: you enter it on any device with a browser, then CampSync goes on.</source>
        <translation>Aucun navigateur web ne peut être ouvert sur cet ordinateur. Connectez-vous plutôt avec un code&#xa0;: vous le saisissez sur n&apos;importe quel appareil doté d&apos;un navigateur, puis CampSync poursuit.</translation>
    </message>
    <message>
        <source>{client_id} (application)</source>
        <translation>{client_id} (application)</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Changer de compte</translation>
    </message>
    <message>
        <source>Signed out: CampSync no longer holds a sign-in for this connection on this computer.</source>
        <translation>Déconnecté&#xa0;: CampSync ne conserve plus d&apos;authentification pour cette connexion sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Not signed in: {reason}</source>
        <translation>Non connecté&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Signed in as {account}.</source>
        <translation>Connecté en tant que {account}.</translation>
    </message>
    <message>
        <source>Asking Microsoft for a sign-in code…</source>
        <translation>Demande d&apos;un code de connexion à Microsoft…</translation>
    </message>
    <message>
        <source>Try the real sign-in on the sandbox…</source>
        <translation>Essayer la vraie connexion sur la sandbox…</translation>
    </message>
    <message>
        <source>Sign in to the sandbox</source>
        <translation>Se connecter à la sandbox</translation>
    </message>
    <message>
        <source>Sign in as one of the demo users listed on the page (password: demo).</source>
        <translation>Connectez-vous avec l&apos;un des utilisateurs de démonstration indiqués sur la page (mot de passe&#xa0;: demo).</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>connectez-vous</translation>
    </message>
    <message>
        <source>use a code instead</source>
        <translation>utilisez plutôt un code</translation>
    </message>
</context>
<context>
    <name>SmartListEditor</name>
    <message>
        <source>Add trigger</source>
        <translation>Ajouter un déclencheur</translation>
    </message>
    <message>
        <source>No trigger yet: a trigger campaign runs when any of its triggers fires.</source>
        <translation>Aucun déclencheur pour l&apos;instant&#xa0;: une campagne déclenchée s&apos;exécute dès que l&apos;un de ses déclencheurs se produit.</translation>
    </message>
    <message>
        <source>Triggers (any of them fires the campaign)</source>
        <translation>Déclencheurs (chacun d&apos;eux lance la campagne)</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>Ajouter un filtre</translation>
    </message>
    <message>
        <source>No filter: everyone qualifies.</source>
        <translation>Aucun filtre&#xa0;: tout le monde est qualifié.</translation>
    </message>
    <message>
        <source>All filters (and)</source>
        <translation>Tous les filtres (et)</translation>
    </message>
    <message>
        <source>Any filter (or)</source>
        <translation>N&apos;importe quel filtre (ou)</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Logic:</source>
        <translation>Logique&#xa0;:</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Cannot count now: the store is not answering ({reason}). Trying again…</source>
        <translation>Comptage impossible pour l&apos;instant&#xa0;: la base ne répond pas ({reason}). Nouvelle tentative…</translation>
    </message>
    <message>
        <source>Cannot count: {error}</source>
        <translation>Comptage impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{n} person qualifies</source>
        <translation>{n} personne qualifiée</translation>
    </message>
    <message>
        <source>{n} people qualify</source>
        <translation>{n} personnes qualifiées</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Unknown step {name!r}</source>
        <translation>Étape inconnue {name!r}</translation>
    </message>
    <message>
        <source>new value</source>
        <translation>nouvelle valeur</translation>
    </message>
    <message>
        <source>Move this step up</source>
        <translation>Monter cette étape</translation>
    </message>
    <message>
        <source>Move this step down</source>
        <translation>Descendre cette étape</translation>
    </message>
    <message>
        <source>Remove this step</source>
        <translation>Supprimer cette étape</translation>
    </message>
    <message>
        <source>{value} (not changeable)</source>
        <translation>{value} (non modifiable)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>add to campaign</source>
        <translation>ajouter à la campagne</translation>
    </message>
    <message>
        <source>remove from campaign</source>
        <translation>supprimer de la campagne</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annuler</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>rétablir</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>réessayer</translation>
    </message>
    <message>
        <source>send to Dynamics</source>
        <translation>envoyer à Dynamics</translation>
    </message>
    <message>
        <source>undo and redo labels</source>
        <translation>libellés Annuler et Rétablir</translation>
    </message>
    <message>
        <source>read from Dynamics</source>
        <translation>lire depuis Dynamics</translation>
    </message>
    <message>
        <source>import people</source>
        <translation>importer des personnes</translation>
    </message>
    <message>
        <source>run batch campaign</source>
        <translation>exécuter la campagne par lots</translation>
    </message>
    <message>
        <source>scheduler</source>
        <translation>planificateur</translation>
    </message>
    <message>
        <source>switch connection</source>
        <translation>changer de connexion</translation>
    </message>
    <message>
        <source>refresh after enabling sync</source>
        <translation>actualiser après l&apos;activation de la synchronisation</translation>
    </message>
    <message>
        <source>refresh views</source>
        <translation>actualiser les vues</translation>
    </message>
    <message>
        <source>prepare engine</source>
        <translation>préparer le moteur</translation>
    </message>
    <message>
        <source>check sign-in</source>
        <translation>vérifier la connexion au compte</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>se connecter</translation>
    </message>
    <message>
        <source>test connectivity</source>
        <translation>tester la connectivité</translation>
    </message>
    <message>
        <source>keep secret</source>
        <translation>conserver le secret</translation>
    </message>
    <message>
        <source>the store is not answering ({reason}); nothing queued is lost, try again once it answers</source>
        <translation>la base ne répond pas ({reason})&#xa0;; rien de ce qui est en file d&apos;attente n&apos;est perdu, réessayez dès qu&apos;elle répond</translation>
    </message>
</context>
<context>
    <name>TriggerRow</name>
    <message>
        <source>Person is created</source>
        <translation>La personne est créée</translation>
    </message>
    <message>
        <source>Data value changes</source>
        <translation>La valeur d&apos;une donnée change</translation>
    </message>
    <message>
        <source>Activity is logged</source>
        <translation>Une activité est enregistrée</translation>
    </message>
    <message>
        <source>campaign is any of</source>
        <translation>la campagne est l&apos;une de</translation>
    </message>
    <message>
        <source>any campaign</source>
        <translation>n&apos;importe quelle campagne</translation>
    </message>
    <message>
        <source>field</source>
        <translation>champ</translation>
    </message>
    <message>
        <source>new value (optional: any)</source>
        <translation>nouvelle valeur (facultatif&#xa0;: toute valeur)</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>Remove this trigger</source>
        <translation>Supprimer ce déclencheur</translation>
    </message>
    <message>
        <source>Unknown trigger {value!r}</source>
        <translation>Déclencheur inconnu {value!r}</translation>
    </message>
</context>
<context>
    <name>Triggers</name>
    <message>
        <source>Added to Microsoft Campaign</source>
        <translation>Ajouté à Microsoft Campaign</translation>
    </message>
    <message>
        <source>Removed from Microsoft Campaign</source>
        <translation>Supprimé de Microsoft Campaign</translation>
    </message>
</context>
<context>
    <name>WindowShell</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>You are connected to the &lt;b&gt;built-in sandbox org&lt;/b&gt; with demo data. Nothing you do here touches a real Dynamics 365 org. Add a connection (Admin → Connections) to work on yours.</source>
        <translation>Vous êtes connecté à l&apos;&lt;b&gt;organisation sandbox intégrée&lt;/b&gt; avec des données de démonstration. Rien de ce que vous faites ici n&apos;affecte une vraie organisation Dynamics 365. Ajoutez une connexion (Administration → Connexions) pour travailler sur la vôtre.</translation>
    </message>
    <message>
        <source>CampSync — {name}</source>
        <translation>CampSync — {name}</translation>
    </message>
    <message>
        <source>Connecting to {org}…</source>
        <translation>Connexion à {org}…</translation>
    </message>
    <message>
        <source>Live log</source>
        <translation>Journal en direct</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>People and campaigns</source>
        <translation>Personnes et campagnes</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisation</translation>
    </message>
    <message>
        <source>latency —</source>
        <translation>latence —</translation>
    </message>
    <message>
        <source>Team members connected</source>
        <translation>Membres de l&apos;équipe connectés</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
</context>
</TS>
