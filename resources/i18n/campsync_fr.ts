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
    <name>Answers</name>
    <message>
        <source>Dynamics sent a response that is not valid JSON (HTTP {status}, {size} bytes) for {call}</source>
        <translation>Dynamics a envoyé une réponse qui n&apos;est pas du JSON valide (HTTP {status}, {size} octets) pour {call}</translation>
    </message>
    <message>
        <source>Dynamics sent JSON of an unexpected shape (expected an object, got {type}; HTTP {status}) for {call}</source>
        <translation>Dynamics a envoyé du JSON d&apos;une forme inattendue (un objet était attendu, reçu {type}&#xa0;; HTTP {status}) pour {call}</translation>
    </message>
    <message>
        <source>Dynamics created the row but did not say its id (no usable OData-EntityId header).</source>
        <translation>Dynamics a créé la ligne mais n&apos;a pas indiqué son ID (aucun en-tête OData-EntityId utilisable).</translation>
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
    <name>Auth</name>
    <message>
        <source>Tenant not found: check the tenant id (a GUID or yourcompany.onmicrosoft.com).</source>
        <translation>Locataire (tenant) introuvable&#xa0;: vérifiez l&apos;ID du locataire (un GUID ou votreentreprise.onmicrosoft.com).</translation>
    </message>
    <message>
        <source>The tenant id is malformed: use the directory (tenant) GUID from the app registration.</source>
        <translation>L&apos;ID du locataire est mal formé&#xa0;: utilisez le GUID du répertoire (locataire) indiqué dans l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>Application (client) id not found in this tenant: check the client id and the tenant.</source>
        <translation>ID d&apos;application (client) introuvable dans ce locataire&#xa0;: vérifiez l&apos;ID client et le locataire.</translation>
    </message>
    <message>
        <source>The client secret is wrong: paste the secret&apos;s Value (not its Secret ID), or create a new one.</source>
        <translation>Le secret client est incorrect&#xa0;: collez la Valeur du secret (pas son ID de secret), ou créez-en un nouveau.</translation>
    </message>
    <message>
        <source>The client secret has expired: create a new secret in the app registration.</source>
        <translation>Le secret client a expiré&#xa0;: créez un nouveau secret dans l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>The org URL is not a resource in this tenant: check the org URL (https://yourorg.crm.dynamics.com).</source>
        <translation>L&apos;URL de l&apos;organisation n&apos;est pas une ressource de ce locataire&#xa0;: vérifiez l&apos;URL de l&apos;organisation (https://yourorg.crm.dynamics.com).</translation>
    </message>
    <message>
        <source>The requested scope is invalid: the org URL must be the environment URL.</source>
        <translation>L&apos;étendue demandée n&apos;est pas valide&#xa0;: l&apos;URL de l&apos;organisation doit être l&apos;URL de l&apos;environnement.</translation>
    </message>
    <message>
        <source>The authority does not support client-credentials sign-in for this app.</source>
        <translation>L&apos;autorité ne prend pas en charge la connexion par identifiants client pour cette application.</translation>
    </message>
    <message>
        <source>The certificate is not registered on the app registration, or its key does not match: upload the certificate (its public part) under Certificates &amp; secrets.</source>
        <translation>Le certificat n&apos;est pas enregistré dans l&apos;inscription d&apos;application, ou sa clé ne correspond pas&#xa0;: chargez le certificat (sa partie publique) sous Certificats &amp; secrets.</translation>
    </message>
    <message>
        <source>The certificate&apos;s sign-in assertion is outside its valid time: check this machine&apos;s clock.</source>
        <translation>L&apos;assertion de connexion du certificat est hors de sa période de validité&#xa0;: vérifiez l&apos;horloge de cette machine.</translation>
    </message>
    <message>
        <source>client-credentials token</source>
        <translation>jeton d&apos;identifiants client</translation>
    </message>
    <message>
        <source>certificate token (thumbprint {thumbprint})</source>
        <translation>jeton de certificat (empreinte {thumbprint})</translation>
    </message>
    <message>
        <source>Sign-in failed: {problem}</source>
        <translation>Échec de la connexion&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{token} issued by {authority}</source>
        <translation>{token} émis par {authority}</translation>
    </message>
    <message>
        <source>The authority did not answer like Entra ID at {authority}: check the tenant id and CAMPSYNC_AUTHORITY_HOST.</source>
        <translation>L&apos;autorité n&apos;a pas répondu comme Entra ID à {authority}&#xa0;: vérifiez l&apos;ID du locataire et CAMPSYNC_AUTHORITY_HOST.</translation>
    </message>
    <message>
        <source>The sign-in authority {host} did not answer: {problem}</source>
        <translation>L&apos;autorité de connexion {host} n&apos;a pas répondu&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>The TLS certificate of {host} is not trusted ({problem}). Microsoft&apos;s hosts are checked against the system&apos;s CAs only (CAMPSYNC_CA_BUNDLE is not used for them): if your organisation inspects TLS, install its CA in the system&apos;s trust store.</source>
        <translation>Le certificat TLS de {host} n&apos;est pas approuvé ({problem}). Les hôtes de Microsoft ne sont vérifiés qu&apos;avec les autorités de certification du système (CAMPSYNC_CA_BUNDLE ne sert pas pour eux)&#xa0;: si votre organisation inspecte le trafic TLS, installez son autorité de certification dans le magasin de confiance du système.</translation>
    </message>
    <message>
        <source>The TLS certificate of {host} is not trusted ({problem}). If your organisation inspects TLS or this is the sandbox, set CAMPSYNC_CA_BUNDLE to the CA certificate file.</source>
        <translation>Le certificat TLS de {host} n&apos;est pas approuvé ({problem}). Si votre organisation inspecte le trafic TLS, ou s&apos;il s&apos;agit de la sandbox, indiquez dans CAMPSYNC_CA_BUNDLE le fichier du certificat de l&apos;autorité de certification.</translation>
    </message>
    <message>
        <source>The host name of {host} could not be resolved (DNS): check the URL for typos.</source>
        <translation>Le nom d&apos;hôte de {host} n&apos;a pas pu être résolu (DNS)&#xa0;: vérifiez que l&apos;URL ne contient pas de faute de frappe.</translation>
    </message>
    <message>
        <source>Nothing is listening at {host} (connection refused): check the URL and port, and that the org or sandbox is running.</source>
        <translation>Rien n&apos;écoute à {host} (connexion refusée)&#xa0;: vérifiez l&apos;URL et le port, et que l&apos;organisation ou la sandbox est en marche.</translation>
    </message>
    <message>
        <source>Could not connect to {host}: {problem}</source>
        <translation>Impossible de se connecter à {host}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>échec de la vérification</translation>
    </message>
</context>
<context>
    <name>Automation</name>
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
        <source>the definition is too deeply nested to read</source>
        <translation>la définition est trop profondément imbriquée pour être lue</translation>
    </message>
    <message>
        <source>a definition must be a JSON object, not {type}</source>
        <translation>une définition doit être un objet JSON, pas {type}</translation>
    </message>
    <message>
        <source>a wait needs a duration</source>
        <translation>une attente nécessite une durée</translation>
    </message>
    <message>
        <source>a wait must be a finite number of seconds, more than 0 and at most 1 year ({limit}), not {value}</source>
        <translation>une attente doit être un nombre fini de secondes, supérieur à 0 et d&apos;au plus 1 an ({limit}), pas {value}</translation>
    </message>
    <message>
        <source>Smart list: {problem}</source>
        <translation>Liste dynamique&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Flow: the flow is empty; add at least one step.</source>
        <translation>Flux&#xa0;: le flux est vide&#xa0;; ajoutez au moins une étape.</translation>
    </message>
    <message>
        <source>Qualification: must be an object such as {&quot;rule&quot;: &quot;once&quot;}.</source>
        <translation>Qualification&#xa0;: doit être un objet tel que {&quot;rule&quot;: &quot;once&quot;}.</translation>
    </message>
    <message>
        <source>Qualification: unknown rule {rule}.</source>
        <translation>Qualification&#xa0;: règle inconnue {rule}.</translation>
    </message>
    <message>
        <source>Qualification: &apos;once every N days&apos; needs N ≥ 1.</source>
        <translation>Qualification&#xa0;: «&#xa0;une fois tous les N jours&#xa0;» nécessite N ≥ 1.</translation>
    </message>
    <message>
        <source>Smart list: a trigger campaign needs at least one trigger.</source>
        <translation>Liste dynamique&#xa0;: une campagne déclenchée nécessite au moins un déclencheur.</translation>
    </message>
    <message>
        <source>Trigger {number}: must be an object, not {type}.</source>
        <translation>Déclencheur {number}&#xa0;: doit être un objet, pas {type}.</translation>
    </message>
    <message>
        <source>Trigger {number}: unknown trigger {type}.</source>
        <translation>Déclencheur {number}&#xa0;: déclencheur inconnu {type}.</translation>
    </message>
    <message>
        <source>Trigger {number}: unknown field {field}.</source>
        <translation>Déclencheur {number}&#xa0;: champ inconnu {field}.</translation>
    </message>
    <message>
        <source>Trigger {number}: &apos;campaign_ids&apos; must be a list of campaign ids.</source>
        <translation>Déclencheur {number}&#xa0;: &apos;campaign_ids&apos; doit être une liste d&apos;ID de campagne.</translation>
    </message>
    <message>
        <source>Trigger {number}: campaign {campaign} is not in the org.</source>
        <translation>Déclencheur {number}&#xa0;: la campagne {campaign} n&apos;est pas dans l&apos;organisation.</translation>
    </message>
    <message>
        <source>Flow step {number}: must be an object, not {type}.</source>
        <translation>Étape de flux {number}&#xa0;: doit être un objet, pas {type}.</translation>
    </message>
    <message>
        <source>Flow step {number}: unknown step {step}.</source>
        <translation>Étape de flux {number}&#xa0;: étape inconnue {step}.</translation>
    </message>
    <message>
        <source>Flow step {number}: choose a Microsoft campaign that exists in the org.</source>
        <translation>Étape de flux {number}&#xa0;: choisissez une campagne Microsoft qui existe dans l&apos;organisation.</translation>
    </message>
    <message>
        <source>Flow step {number}: campaign {campaign} is inactive in Dynamics.</source>
        <translation>Étape de flux {number}&#xa0;: la campagne {campaign} est inactive dans Dynamics.</translation>
    </message>
    <message>
        <source>Flow step {number}: unknown field {field} (one of {known}).</source>
        <translation>Étape de flux {number}&#xa0;: champ inconnu {field} (l&apos;un de {known}).</translation>
    </message>
    <message>
        <source>Flow step {number}: score must be a whole number, not {value}.</source>
        <translation>Étape de flux {number}&#xa0;: le score doit être un nombre entier, pas {value}.</translation>
    </message>
    <message>
        <source>Flow step {number}: {problem}.</source>
        <translation>Étape de flux {number}&#xa0;: {problem}.</translation>
    </message>
</context>
<context>
    <name>AutomationFile</name>
    <message>
        <source>must be a finite number of seconds, more than 0 and at most 1 year ({limit}), not {value}</source>
        <translation>doit être un nombre fini de secondes, supérieur à 0 et d&apos;au plus 1 an ({limit}), pas {value}</translation>
    </message>
    <message>
        <source>must be a number, not {what}</source>
        <translation>doit être un nombre, pas {what}</translation>
    </message>
    <message>
        <source>must be a finite number, not {value}</source>
        <translation>doit être un nombre fini, pas {value}</translation>
    </message>
    <message>
        <source>must be a number of a sensible size</source>
        <translation>doit être un nombre de taille raisonnable</translation>
    </message>
    <message>
        <source>must be text or a number, not {what}</source>
        <translation>doit être du texte ou un nombre, pas {what}</translation>
    </message>
    <message>
        <source>must be at most {limit} characters</source>
        <translation>doit comporter au plus {limit} caractères</translation>
    </message>
    <message>
        <source>must be text, not {what}</source>
        <translation>doit être du texte, pas {what}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>must be one of {known}, not {value}</source>
        <translation>doit être l&apos;une des valeurs {known}, pas {value}</translation>
    </message>
    <message>
        <source>must be a time in epoch seconds between 1970 and 9999</source>
        <translation>doit être une heure en secondes epoch entre 1970 et 9999</translation>
    </message>
    <message>
        <source>an automation export</source>
        <translation>un export d&apos;automatisation</translation>
    </message>
    <message>
        <source>{file} is not a CampSync automation export ({format}).</source>
        <translation>{file} n&apos;est pas un export d&apos;automatisation CampSync ({format}).</translation>
    </message>
    <message>
        <source>{file} was not imported (nothing was changed); fix these and import it again:</source>
        <translation>{file} n&apos;a pas été importé (rien n&apos;a été modifié)&#xa0;; corrigez ces points et importez-le de nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>{name} is also the name of {other}</source>
        <translation>{name} est aussi le nom de {other}</translation>
    </message>
    <message>
        <source>Cannot read {file}: {problem}</source>
        <translation>Impossible de lire {file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{file} is too large for {what} (more than {size} MB).</source>
        <translation>{file} est trop volumineux pour {what} (plus de {size} Mo).</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {byte}).</source>
        <translation>{file} n&apos;est pas du texte UTF-8 (octet {byte}).</translation>
    </message>
    <message>
        <source>{file} is too deeply nested: brackets more than {limit} levels inside each other ({what} needs far fewer).</source>
        <translation>{file} est trop profondément imbriqué&#xa0;: des crochets ou accolades sur plus de {limit} niveaux les uns dans les autres ({what} en nécessite bien moins).</translation>
    </message>
    <message>
        <source>{file} is too deeply nested to read.</source>
        <translation>{file} est trop profondément imbriqué pour être lu.</translation>
    </message>
    <message>
        <source>{problem} at line {line}, column {column}</source>
        <translation>{problem} à la ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <source>{file} is not valid JSON: {problem}.</source>
        <translation>{file} n&apos;est pas du JSON valide&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit être true ou false</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>doit être un nombre fini</translation>
    </message>
    <message>
        <source>must have at most {limit} {items}, not {count}</source>
        <translation>doit comporter au plus {limit} {items}, pas {count}</translation>
    </message>
    <message>
        <source>must have at most {limit} {items}</source>
        <translation>doit comporter au plus {limit} {items}</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to {limit}</source>
        <translation>doit être un nombre entier de 1 à {limit}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>{rule}, not {what}</source>
        <translation>{rule}, pas {what}</translation>
    </message>
    <message>
        <source>is not valid</source>
        <translation>n&apos;est pas valide</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>filtres</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>étapes</translation>
    </message>
    <message>
        <source>triggers</source>
        <translation>déclencheurs</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>campagnes</translation>
    </message>
    <message>
        <source>campaign ids</source>
        <translation>ID de campagne</translation>
    </message>
    <message>
        <source>items</source>
        <translation>éléments</translation>
    </message>
    <message>
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>le fichier</translation>
    </message>
</context>
<context>
    <name>AutomationLibrary</name>
    <message>
        <source>{detail} (retrying after: {problem})</source>
        <translation>{detail} (nouvelle tentative après&#xa0;: {problem})</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>No automation campaign named {name}. See: campsync automation list</source>
        <translation>Aucune campagne d&apos;automatisation nommée {name}. Voir&#xa0;: campsync automation list</translation>
    </message>
    <message>
        <source>The stored definition cannot be read ({problem}); save the campaign again.</source>
        <translation>La définition enregistrée ne peut pas être lue ({problem})&#xa0;; enregistrez de nouveau la campagne.</translation>
    </message>
    <message>
        <source>person #{id}</source>
        <translation>personne n° {id}</translation>
    </message>
    <message>
        <source>unknown kind of campaign {kind}</source>
        <translation>type de campagne inconnu {kind}</translation>
    </message>
    <message>
        <source>New trigger campaign</source>
        <translation>Nouvelle campagne déclenchée</translation>
    </message>
    <message>
        <source>New batch campaign</source>
        <translation>Nouvelle campagne par lots</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copie)</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Donnez un nom à la campagne.</translation>
    </message>
    <message>
        <source>This campaign was deleted elsewhere; it cannot be saved.</source>
        <translation>Cette campagne a été supprimée ailleurs&#xa0;; elle ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <source>Not saved: people cannot be added to or removed from an inactive campaign. Choose an active campaign for these steps.</source>
        <translation>Non enregistré&#xa0;: on ne peut pas ajouter de personnes à une campagne inactive, ni en supprimer. Choisissez une campagne active pour ces étapes.</translation>
    </message>
    <message>
        <source>Not saved: the campaign is active and these changes would stop it from running. Fix them, or deactivate it first.</source>
        <translation>Non enregistré&#xa0;: la campagne est active et ces modifications l&apos;empêcheraient de s&apos;exécuter. Corrigez-les, ou désactivez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Cannot activate &apos;{name}&apos;:</source>
        <translation>Impossible d&apos;activer «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>{name}: imported inactive — {problems}</source>
        <translation>{name}&#xa0;: importée inactive — {problems}</translation>
    </message>
    <message>
        <source>{name}: imported (active)</source>
        <translation>{name}&#xa0;: importée (active)</translation>
    </message>
    <message>
        <source>{name}: imported</source>
        <translation>{name}&#xa0;: importée</translation>
    </message>
    <message>
        <source>Cannot export &apos;{name}&apos;: its stored definition cannot be read ({problem}). Save it again in the window, or delete it.</source>
        <translation>Impossible d&apos;exporter «&#xa0;{name}&#xa0;»&#xa0;: sa définition enregistrée ne peut pas être lue ({problem}). Enregistrez-la de nouveau dans la fenêtre, ou supprimez-la.</translation>
    </message>
    <message>
        <source>Cannot export &apos;{name}&apos;: its stored definition is not a JSON object. Save it again in the window, or delete it.</source>
        <translation>Impossible d&apos;exporter «&#xa0;{name}&#xa0;»&#xa0;: sa définition enregistrée n&apos;est pas un objet JSON. Enregistrez-la de nouveau dans la fenêtre, ou supprimez-la.</translation>
    </message>
    <message>
        <source>This campaign was deleted elsewhere.</source>
        <translation>Cette campagne a été supprimée ailleurs.</translation>
    </message>
    <message>
        <source>Another campaign is already called &apos;{name}&apos;: choose another name.</source>
        <translation>Une autre campagne s&apos;appelle déjà «&#xa0;{name}&#xa0;»&#xa0;: choisissez un autre nom.</translation>
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
    <name>AutomationRunner</name>
    <message>
        <source>loop stopped: {name} already ran for this person in this chain ({chain})</source>
        <translation>boucle arrêtée&#xa0;: {name} s&apos;est déjà exécutée pour cette personne dans cette chaîne ({chain})</translation>
    </message>
    <message>
        <source>loop stopped: {depth} trigger campaigns deep</source>
        <translation>boucle arrêtée&#xa0;: {depth} niveaux de campagnes déclenchées</translation>
    </message>
    <message>
        <source>the smart list filters do not match</source>
        <translation>les filtres de la liste dynamique ne correspondent pas</translation>
    </message>
    <message>
        <source>the campaign could not run: {problem}</source>
        <translation>la campagne n&apos;a pas pu s&apos;exécuter&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>qualification rule: runs once per person, and this person already ran</source>
        <translation>règle de qualification&#xa0;: une seule exécution par personne, et cette personne est déjà passée</translation>
    </message>
    <message>
        <source>qualification rule: once every {days} days, last run {ago} days ago</source>
        <translation>règle de qualification&#xa0;: une fois tous les {days} jours, dernière exécution il y a {ago} jours</translation>
    </message>
    <message>
        <source>{problem}; the flow stops here for this person</source>
        <translation>{problem}&#xa0;; le flux s&apos;arrête ici pour cette personne</translation>
    </message>
    <message>
        <source>until {when}</source>
        <translation>jusqu&apos;au {when}</translation>
    </message>
    <message>
        <source>{field} is already {value}</source>
        <translation>{field} vaut déjà {value}</translation>
    </message>
    <message>
        <source>unknown step {step}</source>
        <translation>étape inconnue {step}</translation>
    </message>
    <message>
        <source>its triggers are not objects</source>
        <translation>ses déclencheurs ne sont pas des objets</translation>
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
    <name>BatchSizing</name>
    <message>
        <source>{size} per request now (starts at {start}, at most {maximum})</source>
        <translation>{size} par requête actuellement (au départ {start}, au plus {maximum})</translation>
    </message>
</context>
<context>
    <name>BoundedReads</name>
    <message>
        <source>Dynamics announced {size} in answer to {call}, more than the {limit} CampSync reads for one answer; it did not read it.</source>
        <translation>Dynamics a annoncé {size} en réponse à {call}, plus que les {limit} que CampSync lit pour une réponse&#xa0;; elle n&apos;a pas été lue.</translation>
    </message>
    <message>
        <source>Dynamics sent more than {limit} in answer to {call}; CampSync stopped reading there.</source>
        <translation>Dynamics a envoyé plus de {limit} en réponse à {call}&#xa0;; CampSync a cessé de lire à ce point.</translation>
    </message>
    <message>
        <source>Dynamics was still answering {call} after {seconds} s, the most CampSync waits for one request; it stopped waiting.</source>
        <translation>Dynamics répondait encore à {call} après {seconds} s, le maximum que CampSync attend pour une requête&#xa0;; il a cessé d&apos;attendre.</translation>
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
        <source>Automation campaigns table</source>
        <translation>Tableau des campagnes d&apos;automatisation</translation>
    </message>
    <message>
        <source>Trigger and batch campaigns: name, type and status. Select one to edit it</source>
        <translation>Campagnes déclenchées et par lots&#xa0;: nom, type et statut. Sélectionnez-en une pour la modifier</translation>
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
        <source>Cannot add {people}: {reason}.</source>
        <translation>Impossible d&apos;ajouter {people}&#xa0;: {reason}.</translation>
    </message>
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
    <name>CampaignView</name>
    <message>
        <source>Cannot drop here: {reason}.</source>
        <translation>Impossible de déposer ici&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>added outside CampSync (the CRM list {list}): CampSync removes only people its flow actions added</source>
        <translation>ajouté hors de CampSync (la liste CRM {list})&#xa0;: CampSync ne supprime que les personnes ajoutées par ses actions de flux</translation>
    </message>
    <message>
        <source>added outside CampSync (a CRM list): CampSync removes only people its flow actions added</source>
        <translation>ajouté hors de CampSync (une liste CRM)&#xa0;: CampSync ne supprime que les personnes ajoutées par ses actions de flux</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposée</translation>
    </message>
    <message>
        <source>Ready To Launch</source>
        <translation>Prête au lancement</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Lancée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <source>select one to see who is in it and where each came from</source>
        <translation>sélectionnez-en une pour voir qui en fait partie et d&apos;où vient chacun</translation>
    </message>
    <message>
        <source>Campaigns table</source>
        <translation>Tableau des campagnes</translation>
    </message>
    <message>
        <source>Dynamics 365 campaigns, their state and member counts. Drop people on one to add them</source>
        <translation>Campagnes Dynamics 365, leur état et leur nombre de membres. Déposez des personnes sur l&apos;une d&apos;elles pour les ajouter</translation>
    </message>
    <message>
        <source>Members table</source>
        <translation>Tableau des membres</translation>
    </message>
    <message>
        <source>The selected campaign&apos;s members: name, email, how, when and by whom each was added</source>
        <translation>Les membres de la campagne sélectionnée&#xa0;: nom, e-mail, comment, quand et par qui chacun a été ajouté</translation>
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
        <source>Membership &amp;chart…</source>
        <translation>Graphique des &amp;membres…</translation>
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
    <name>Capabilities</name>
    <message>
        <source>add members</source>
        <translation>ajout de membres</translation>
    </message>
    <message>
        <source>AddListMembersList refused for each batch, then one AddMemberList per person</source>
        <translation>AddListMembersList refusé pour chaque lot, puis un AddMemberList par personne</translation>
    </message>
    <message>
        <source>remove members</source>
        <translation>suppression de membres</translation>
    </message>
    <message>
        <source>RemoveMemberList refused, then the listmember row looked up and DELETE listmembers(&lt;id&gt;): 3 requests per person instead of 1</source>
        <translation>RemoveMemberList refusé, puis recherche de la ligne listmember et DELETE listmembers(&lt;id&gt;)&#xa0;: 3 requêtes par personne au lieu d&apos;une</translation>
    </message>
    <message>
        <source>create leads</source>
        <translation>création de leads</translation>
    </message>
    <message>
        <source>one POST leads per lead instead of one CreateMultiple per batch</source>
        <translation>un POST leads par lead au lieu d&apos;un CreateMultiple par lot</translation>
    </message>
    <message>
        <source>Adds still work, one request per person, which is slow for large drops. AddListMembersList comes with the Marketing List table of Dynamics 365 Sales or Marketing: check that the environment has a Dynamics 365 app installed (a plain Dataverse environment has no marketing lists), or ask Microsoft support why the message is missing.</source>
        <translation>Les ajouts fonctionnent toujours, une requête par personne, ce qui est lent pour les dépôts volumineux. AddListMembersList est fourni avec la table Liste marketing de Dynamics 365 Sales ou Marketing&#xa0;: vérifiez qu&apos;une application Dynamics 365 est installée dans l&apos;environnement (un environnement Dataverse seul n&apos;a pas de listes marketing), ou demandez au support Microsoft pourquoi le message est absent.</translation>
    </message>
    <message>
        <source>Nothing is required: removals work through the slower path. Orgs created more recently expose RemoveMemberList as a Web API action.</source>
        <translation>Rien n&apos;est nécessaire&#xa0;: les suppressions passent par la voie plus lente. Les organisations plus récentes exposent RemoveMemberList comme action de l&apos;API Web.</translation>
    </message>
    <message>
        <source>Nothing is required: lead creation works through the slower path. Bulk operation messages come with current Dataverse versions; large first syncs will take longer until the org has them.</source>
        <translation>Rien n&apos;est nécessaire&#xa0;: la création de leads passe par la voie plus lente. Les messages d&apos;opérations en bloc sont fournis avec les versions actuelles de Dataverse&#xa0;; les premières synchronisations volumineuses prendront plus de temps tant que l&apos;organisation ne les aura pas.</translation>
    </message>
    <message>
        <source>{action} present</source>
        <translation>{action} présent</translation>
    </message>
    <message>
        <source>{action} MISSING</source>
        <translation>{action} ABSENT</translation>
    </message>
    <message>
        <source>{job}: impossible (no {action})</source>
        <translation>{job}&#xa0;: impossible (pas de {action})</translation>
    </message>
    <message>
        <source>{action} is missing, so CampSync uses the slower path ({job}: {fallback}). {fix}</source>
        <translation>{action} est absent&#xa0;: CampSync utilise donc la voie plus lente ({job}&#xa0;: {fallback}). {fix}</translation>
    </message>
    <message>
        <source>{found} (UpsertMultiple not used by this version); will use — {paths}</source>
        <translation>{found} (UpsertMultiple n&apos;est pas utilisé par cette version)&#xa0;; utilisera — {paths}</translation>
    </message>
    <message>
        <source>Dynamics answered RetrieveUserPrivileges without a RolePrivileges list.</source>
        <translation>Dynamics a répondu à RetrieveUserPrivileges sans liste RolePrivileges.</translation>
    </message>
    <message>
        <source>create CampSync&apos;s marketing lists</source>
        <translation>créer les listes marketing de CampSync</translation>
    </message>
    <message>
        <source>add members to the lists and link them to campaigns</source>
        <translation>ajouter des membres aux listes et les lier aux campagnes</translation>
    </message>
    <message>
        <source>link the lists to campaigns</source>
        <translation>lier les listes aux campagnes</translation>
    </message>
    <message>
        <source>read the lists and their members</source>
        <translation>lire les listes et leurs membres</translation>
    </message>
    <message>
        <source>read campaigns</source>
        <translation>lire les campagnes</translation>
    </message>
    <message>
        <source>create leads for people not yet in Dynamics</source>
        <translation>créer des leads pour les personnes qui ne sont pas encore dans Dynamics</translation>
    </message>
    <message>
        <source>find leads by email</source>
        <translation>trouver les leads par e-mail</translation>
    </message>
    <message>
        <source>find contacts by email</source>
        <translation>trouver les contacts par e-mail</translation>
    </message>
    <message>
        <source>missing {privileges}</source>
        <translation>manquant&#xa0;: {privileges}</translation>
    </message>
    <message>
        <source>{privilege} (to {why}; usually granted by {role})</source>
        <translation>{privilege} (pour {why}&#xa0;; accordé en général par {role})</translation>
    </message>
    <message>
        <source>Give the application user a security role with {privileges} — usually {roles} — in the Power Platform admin center (Environment → Settings → Users + permissions → Application users → Manage roles).</source>
        <translation>Attribuez à l&apos;utilisateur d&apos;application un rôle de sécurité comprenant {privileges} — en général {roles} — dans le centre d&apos;administration Power Platform (Environnement → Paramètres → Utilisateurs + autorisations → Utilisateurs d&apos;application → Gérer les rôles).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>all {count} privileges held, but {privileges} only at user level (records it owns)</source>
        <translation>les {count} privilèges sont détenus, mais {privileges} seulement au niveau utilisateur (les enregistrements dont il est propriétaire)</translation>
    </message>
    <message>
        <source>Give {privileges} at business-unit or organization level (usually {role} does); at user level CampSync sees and links only records the application user owns.</source>
        <translation>Accordez {privileges} au niveau de la division ou de l&apos;organisation (ce que fait en général {role})&#xa0;; au niveau utilisateur, CampSync ne voit et ne lie que les enregistrements dont l&apos;utilisateur d&apos;application est propriétaire.</translation>
    </message>
    <message>
        <source>all {count} privileges CampSync&apos;s flow actions need are held ({privileges})</source>
        <translation>les {count} privilèges nécessaires aux actions de flux de CampSync sont détenus ({privileges})</translation>
    </message>
    <message>
        <source>the org sent no x-ms-dop-hint header (no recommendation to report)</source>
        <translation>l&apos;organisation n&apos;a envoyé aucun en-tête x-ms-dop-hint (aucune recommandation à signaler)</translation>
    </message>
    <message>
        <source>the org sent an unreadable x-ms-dop-hint ({value})</source>
        <translation>l&apos;organisation a envoyé un x-ms-dop-hint illisible ({value})</translation>
    </message>
    <message>
        <source>the org recommends up to {count} requests in parallel (x-ms-dop-hint: {count})</source>
        <translation>l&apos;organisation recommande jusqu&apos;à {count} requêtes en parallèle (x-ms-dop-hint&#xa0;: {count})</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>{file} holds no certificate (no &apos;-----BEGIN CERTIFICATE-----&apos; block): export the certificate as PEM (Base-64 encoded X.509).</source>
        <translation>{file} ne contient aucun certificat (pas de bloc &apos;-----BEGIN CERTIFICATE-----&apos;)&#xa0;: exportez le certificat au format PEM (X.509 encodé en base 64).</translation>
    </message>
    <message>
        <source>The certificate in {file} is damaged and cannot be read: export it again as PEM.</source>
        <translation>Le certificat de {file} est endommagé et illisible&#xa0;: exportez-le de nouveau au format PEM.</translation>
    </message>
    <message>
        <source>The certificate in {file} expired on {date}: create a new one and upload it to the app registration (Certificates &amp; secrets).</source>
        <translation>Le certificat de {file} a expiré le {date}&#xa0;: créez-en un nouveau et chargez-le dans l&apos;inscription d&apos;application (Certificats &amp; secrets).</translation>
    </message>
    <message>
        <source>The certificate in {file} is not valid before {date} UTC: check this machine&apos;s clock.</source>
        <translation>Le certificat de {file} n&apos;est pas valide avant le {date} UTC&#xa0;: vérifiez l&apos;horloge de cette machine.</translation>
    </message>
    <message>
        <source>{file} holds no private key: put the key (PEM, unencrypted) in the same file, or save it in the keyring with `campsync profile add … --certificate`.</source>
        <translation>{file} ne contient aucune clé privée&#xa0;: placez la clé (PEM, non chiffrée) dans le même fichier, ou enregistrez-la dans le trousseau avec `campsync profile add … --certificate`.</translation>
    </message>
    <message>
        <source>The key in the keyring does not belong to the certificate in {file}: use the key the certificate was created with.</source>
        <translation>La clé du trousseau n&apos;appartient pas au certificat de {file}&#xa0;: utilisez la clé avec laquelle le certificat a été créé.</translation>
    </message>
    <message>
        <source>The key in {key_file} does not belong to the certificate in {file}: use the key the certificate was created with.</source>
        <translation>La clé de {key_file} n&apos;appartient pas au certificat de {file}&#xa0;: utilisez la clé avec laquelle le certificat a été créé.</translation>
    </message>
    <message>
        <source>{file} holds no private key to move to the keyring: give the file with the certificate and its key.</source>
        <translation>{file} ne contient aucune clé privée à déplacer dans le trousseau&#xa0;: indiquez le fichier contenant le certificat et sa clé.</translation>
    </message>
    <message>
        <source>{file} is too big to be a certificate file (over 1 MB): check the path.</source>
        <translation>{file} est trop volumineux pour être un fichier de certificat (plus de 1 Mo)&#xa0;: vérifiez le chemin.</translation>
    </message>
    <message>
        <source>The certificate file {file} does not exist: check the path.</source>
        <translation>Le fichier de certificat {file} n&apos;existe pas&#xa0;: vérifiez le chemin.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a certificate file: give the PEM file&apos;s path.</source>
        <translation>{file} est un dossier, pas un fichier de certificat&#xa0;: indiquez le chemin du fichier PEM.</translation>
    </message>
    <message>
        <source>The certificate file {file} cannot be read by this user: check its owner and permissions.</source>
        <translation>Le fichier de certificat {file} ne peut pas être lu par cet utilisateur&#xa0;: vérifiez son propriétaire et ses autorisations.</translation>
    </message>
    <message>
        <source>The private key in {file} is readable by other users (mode {mode}): run `chmod 600 {file}`.</source>
        <translation>La clé privée de {file} est lisible par d&apos;autres utilisateurs (mode {mode})&#xa0;: exécutez `chmod 600 {file}`.</translation>
    </message>
    <message>
        <source>The key in the keyring is protected by a passphrase: export it without one (`openssl pkey -in key.pem -out plain.pem`) and keep that file chmod 600.</source>
        <translation>La clé du trousseau est protégée par une phrase secrète&#xa0;: exportez-la sans phrase secrète (`openssl pkey -in key.pem -out plain.pem`) et gardez ce fichier en chmod 600.</translation>
    </message>
    <message>
        <source>The key in {key_file} is protected by a passphrase: export it without one (`openssl pkey -in key.pem -out plain.pem`) and keep that file chmod 600.</source>
        <translation>La clé de {key_file} est protégée par une phrase secrète&#xa0;: exportez-la sans phrase secrète (`openssl pkey -in key.pem -out plain.pem`) et gardez ce fichier en chmod 600.</translation>
    </message>
    <message>
        <source>The key in the keyring is not a readable PEM private key: export it again.</source>
        <translation>La clé du trousseau n&apos;est pas une clé privée PEM lisible&#xa0;: exportez-la de nouveau.</translation>
    </message>
    <message>
        <source>The key in {key_file} is not a readable PEM private key: export it again.</source>
        <translation>La clé de {key_file} n&apos;est pas une clé privée PEM lisible&#xa0;: exportez-la de nouveau.</translation>
    </message>
    <message>
        <source>The key in the keyring is not an RSA key: Entra ID certificate credentials need an RSA key (2048 bits or more).</source>
        <translation>La clé du trousseau n&apos;est pas une clé RSA&#xa0;: les identifiants par certificat d&apos;Entra ID nécessitent une clé RSA (2048 bits ou plus).</translation>
    </message>
    <message>
        <source>The key in {key_file} is not an RSA key: Entra ID certificate credentials need an RSA key (2048 bits or more).</source>
        <translation>La clé de {key_file} n&apos;est pas une clé RSA&#xa0;: les identifiants par certificat d&apos;Entra ID nécessitent une clé RSA (2048 bits ou plus).</translation>
    </message>
</context>
<context>
    <name>ChangeTracking</name>
    <message>
        <source>{table}s: on — incremental pulls</source>
        <translation>{table}s&#xa0;: activé — récupérations incrémentielles</translation>
    </message>
    <message>
        <source>{table}s: off — full pulls</source>
        <translation>{table}s&#xa0;: désactivé — récupérations complètes</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Pulls read every {tables} each time. To read only what changed, an admin turns on Track changes for the {tables} table (Power Apps → Tables → the table → Properties → Advanced options).</source>
        <translation>Les récupérations lisent à chaque fois tous les {tables}. Pour ne lire que ce qui a changé, un administrateur active Suivi des modifications pour la table {tables} (Power Apps → Tables → la table → Propriétés → Options avancées).</translation>
    </message>
    <message>
        <source>Pulls read every {tables} each time. To read only what changed, an admin turns on Track changes for the {tables} tables (Power Apps → Tables → each table → Properties → Advanced options).</source>
        <translation>Les récupérations lisent à chaque fois tous les {tables}. Pour ne lire que ce qui a changé, un administrateur active Suivi des modifications pour les tables {tables} (Power Apps → Tables → chaque table → Propriétés → Options avancées).</translation>
    </message>
</context>
<context>
    <name>ChartActions</name>
    <message>
        <source>Trigger &amp;events chart</source>
        <translation>Graphique des &amp;événements déclencheurs</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Members of {campaign} over time</source>
        <translation>Membres de {campaign} au fil du temps</translation>
    </message>
    <message>
        <source>From CRM lists</source>
        <translation>Des listes CRM</translation>
    </message>
    <message>
        <source>Added by CampSync</source>
        <translation>Ajoutés par CampSync</translation>
    </message>
    <message>
        <source>Now: {campsync} added by CampSync, {crm} from CRM lists</source>
        <translation>Aujourd’hui&#xa0;: {campsync} ajoutés par CampSync, {crm} des listes CRM</translation>
    </message>
    <message>
        <source>Trigger events per day</source>
        <translation>Événements déclencheurs par jour</translation>
    </message>
    <message>
        <source>Trigger events per hour</source>
        <translation>Événements déclencheurs par heure</translation>
    </message>
    <message>
        <source>{title} — {campaign}</source>
        <translation>{title} — {campaign}</translation>
    </message>
    <message>
        <source>{events}: {added} added, {removed} removed</source>
        <translation>{events}&#xa0;: {added} ajouts, {removed} suppressions</translation>
    </message>
    <message>
        <source>; busiest: {when} ({count})</source>
        <translation>&#xa0;; pic&#xa0;: {when} ({count})</translation>
    </message>
    <message>
        <source>Export the chart as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>Could not write {path}: check that the folder exists and that you may write there.</source>
        <translation>Impossible d’écrire {path}&#xa0;: vérifiez que le dossier existe et que vous pouvez y écrire.</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} événement</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} événements</translation>
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
        <source>{processed} of {qualified} qualified people processed (aborted)</source>
        <translation>{processed} personnes qualifiées traitées sur {qualified} (interrompu)</translation>
    </message>
    <message>
        <source>{processed} of {qualified} qualified people processed</source>
        <translation>{processed} personnes qualifiées traitées sur {qualified}</translation>
    </message>
    <message>
        <source>Exported {campaigns} to {file}.</source>
        <translation>Exporté vers {file}&#xa0;: {campaigns}.</translation>
    </message>
    <message>
        <source>{n} automation campaign</source>
        <translation>{n} campagne d&apos;automatisation</translation>
    </message>
    <message>
        <source>{n} automation campaigns</source>
        <translation>{n} campagnes d&apos;automatisation</translation>
    </message>
    <message>
        <source>{people} for {campaign} now (nothing was run).</source>
        <translation>{people} pour {campaign} à cet instant (rien n&apos;a été exécuté).</translation>
    </message>
    <message>
        <source>{n} person qualifies</source>
        <translation>{n} personne qualifiée</translation>
    </message>
    <message>
        <source>{n} people qualify</source>
        <translation>{n} personnes qualifiées</translation>
    </message>
    <message>
        <source>{campaign}: {processed}; Dynamics confirmed {changes}, {failed} failed, {pending} still queued.</source>
        <translation>{campaign}&#xa0;: {processed}&#xa0;; Dynamics a confirmé {changes}, {failed} en échec, {pending} encore en file d&apos;attente.</translation>
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
        <source>{n} trigger campaign run</source>
        <translation>{n} exécution de campagne déclenchée</translation>
    </message>
    <message>
        <source>{n} trigger campaign runs</source>
        <translation>{n} exécutions de campagne déclenchée</translation>
    </message>
    <message>
        <source>{runs}; Dynamics confirmed {changes}</source>
        <translation>{runs}&#xa0;; Dynamics a confirmé {changes}</translation>
    </message>
    <message>
        <source>{n} change</source>
        <translation>{n} modification</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>{n} modifications</translation>
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
        <source>Re-queued {actions}; done {done}, failed {failed}, blocked {blocked}, skipped {skipped}, still pending {pending}.</source>
        <translation>Remis en file d&apos;attente&#xa0;: {actions}&#xa0;; terminées {done}, en échec {failed}, bloquées {blocked}, ignorées {skipped}, encore en attente {pending}.</translation>
    </message>
    <message>
        <source>Cancelled {actions}.</source>
        <translation>Annulé&#xa0;: {actions}.</translation>
    </message>
    <message>
        <source>{n} queued action</source>
        <translation>{n} action en file d&apos;attente</translation>
    </message>
    <message>
        <source>{n} queued actions</source>
        <translation>{n} actions en file d&apos;attente</translation>
    </message>
    <message>
        <source>{n} failed action</source>
        <translation>{n} action en échec</translation>
    </message>
    <message>
        <source>{n} failed actions</source>
        <translation>{n} actions en échec</translation>
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
        <source>Signed out of connection {name}: {accounts} removed from the token cache.</source>
        <translation>Déconnecté de la connexion {name}&#xa0;: {accounts} du cache de jetons.</translation>
    </message>
    <message>
        <source>{n} account</source>
        <translation>{n} compte supprimé</translation>
    </message>
    <message>
        <source>{n} accounts</source>
        <translation>{n} comptes supprimés</translation>
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
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>the request in flight did not finish within {seconds} s: left unanswered</source>
        <translation>la requête en cours ne s&apos;est pas terminée dans les {seconds} s&#xa0;: laissée sans réponse</translation>
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
        <source>could not run {what}</source>
        <translation>impossible d&apos;exécuter {what}</translation>
    </message>
    <message>
        <source>stopped; {rows} handed back to the queue</source>
        <translation>arrêté&#xa0;; rendu à la file d&apos;attente&#xa0;: {rows}</translation>
    </message>
    <message>
        <source>{n} unfinished row</source>
        <translation>{n} ligne non terminée</translation>
    </message>
    <message>
        <source>{n} unfinished rows</source>
        <translation>{n} lignes non terminées</translation>
    </message>
    <message>
        <source>the store answers again; {rows} this worker held when it was cut off handed back to the queue</source>
        <translation>la base répond de nouveau&#xa0;; rendu à la file d&apos;attente&#xa0;: {rows} que ce worker détenait lors de la coupure</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>{n} ligne</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} lignes</translation>
    </message>
    <message>
        <source>ran batch campaign {campaign}: {people}</source>
        <translation>campagne par lots {campaign} exécutée&#xa0;: {people}</translation>
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
        <source>resumed {flows}</source>
        <translation>repris&#xa0;: {flows}</translation>
    </message>
    <message>
        <source>{n} waiting flow</source>
        <translation>{n} flux en attente</translation>
    </message>
    <message>
        <source>{n} waiting flows</source>
        <translation>{n} flux en attente</translation>
    </message>
    <message>
        <source>Dynamics confirmed {changes}</source>
        <translation>Dynamics a confirmé {changes}</translation>
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
    <name>Confirmation</name>
    <message>
        <source>confirmed by Dynamics</source>
        <translation>confirmé par Dynamics</translation>
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
    <name>Connections</name>
    <message>
        <source>The org URL must start with https:// (got {url}).</source>
        <translation>L&apos;URL de l&apos;organisation doit commencer par https:// (reçu {url}).</translation>
    </message>
    <message>
        <source>The org URL has no host name (got {url}).</source>
        <translation>L&apos;URL de l&apos;organisation n&apos;a pas de nom d&apos;hôte (reçu {url}).</translation>
    </message>
    <message>
        <source>The org URL must be the environment root, like https://yourorg.crm.dynamics.com (remove {path}).</source>
        <translation>L&apos;URL de l&apos;organisation doit être la racine de l&apos;environnement, comme https://yourorg.crm.dynamics.com (supprimez {path}).</translation>
    </message>
    <message>
        <source>No connection profile named {name}. See: campsync profile list</source>
        <translation>Aucun profil de connexion nommé {name}. Voir&#xa0;: campsync profile list</translation>
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
        <source>{n} warning</source>
        <translation>{n} avertissement</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} avertissements</translation>
    </message>
    <message>
        <source>{failed} failed, {warnings}, {skipped} not run.</source>
        <translation>{failed} en échec, {warnings}, non exécutées&#xa0;: {skipped}.</translation>
    </message>
    <message>
        <source>{failed} failed, {warnings}.</source>
        <translation>{failed} en échec, {warnings}.</translation>
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
        <source>Checks table</source>
        <translation>Tableau des vérifications</translation>
    </message>
    <message>
        <source>Each connectivity check: its status, how long it took, and the details and fix</source>
        <translation>Chaque vérification de connectivité&#xa0;: son statut, sa durée, ses détails et la correction</translation>
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
        <source>{n} person</source>
        <translation>{n} personne</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personnes</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} membres</translation>
    </message>
</context>
<context>
    <name>DynamicsClient</name>
    <message>
        <source>Not a valid address to ask Dynamics: {problem} [{method} {url}]</source>
        <translation>Adresse non valide pour interroger Dynamics&#xa0;: {problem} [{method} {url}]</translation>
    </message>
    <message>
        <source>{problem} (the request may have reached Dynamics)</source>
        <translation>{problem} (la requête a peut-être atteint Dynamics)</translation>
    </message>
    <message>
        <source>{problem} (gave up after {attempts} attempts)</source>
        <translation>{problem} (abandon après {attempts} tentatives)</translation>
    </message>
    <message>
        <source>Dynamics did not answer in time ({problem}).</source>
        <translation>Dynamics n&apos;a pas répondu à temps ({problem}).</translation>
    </message>
    <message>
        <source>Dynamics sent a response that could not be decoded (its Content-Encoding is broken or cut short).</source>
        <translation>Dynamics a envoyé une réponse qui n&apos;a pas pu être décodée (son Content-Encoding est endommagé ou tronqué).</translation>
    </message>
    <message>
        <source>The connection to Dynamics dropped ({problem}).</source>
        <translation>La connexion à Dynamics a été interrompue ({problem}).</translation>
    </message>
</context>
<context>
    <name>DynamicsErrors</name>
    <message>
        <source>Dynamics had a server error (HTTP {status})</source>
        <translation>Dynamics a rencontré une erreur serveur (HTTP {status})</translation>
    </message>
    <message>
        <source>Dynamics refused the access token</source>
        <translation>Dynamics a refusé le jeton d&apos;accès</translation>
    </message>
    <message>
        <source>The application user lacks a privilege in Dynamics</source>
        <translation>Il manque un privilège à l&apos;utilisateur d&apos;application dans Dynamics</translation>
    </message>
    <message>
        <source>Not found in Dynamics</source>
        <translation>Introuvable dans Dynamics</translation>
    </message>
    <message>
        <source>Dynamics is throttling requests (server busy)</source>
        <translation>Dynamics limite le débit des requêtes (serveur occupé)</translation>
    </message>
    <message>
        <source>Dynamics rejected the request (HTTP {status})</source>
        <translation>Dynamics a rejeté la requête (HTTP {status})</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>aucun détail fourni</translation>
    </message>
    <message>
        <source>{problem}: {detail} [{method} {path}]</source>
        <translation>{problem}&#xa0;: {detail} [{method} {path}]</translation>
    </message>
</context>
<context>
    <name>EngineProcess</name>
    <message>
        <source>the window that signs in has closed</source>
        <translation>la fenêtre qui gère la connexion a été fermée</translation>
    </message>
    <message>
        <source>{problem}; the actions it had not sent are back in the queue</source>
        <translation>{problem}&#xa0;; les actions qu&apos;il n&apos;avait pas envoyées sont de retour dans la file d&apos;attente</translation>
    </message>
    <message>
        <source>the sync engine&apos;s process could not start ({problem})</source>
        <translation>le processus du moteur de synchronisation n&apos;a pas pu démarrer ({problem})</translation>
    </message>
    <message>
        <source>the sync engine&apos;s process could not start: {problem}</source>
        <translation>le processus du moteur de synchronisation n&apos;a pas pu démarrer&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the sync engine&apos;s process ended unexpectedly (exit code {code})</source>
        <translation>le processus du moteur de synchronisation s&apos;est arrêté de façon inattendue (code de sortie {code})</translation>
    </message>
    <message>
        <source>the sync engine&apos;s process ended as it started (exit code {code})</source>
        <translation>le processus du moteur de synchronisation s&apos;est arrêté au démarrage (code de sortie {code})</translation>
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
    <name>EventBus</name>
    <message>
        <source>{listener} failed on {event} ({problem}); see the log file</source>
        <translation>{listener} a échoué sur {event} ({problem})&#xa0;; voir le fichier journal</translation>
    </message>
</context>
<context>
    <name>EventsChart</name>
    <message>
        <source>Per hour</source>
        <translation>Par heure</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Toutes les campagnes</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Enregistrer le graphique comme image PNG</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Événements&#xa0;:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Campagne&#xa0;:</translation>
    </message>
    <message>
        <source>Trigger events chart</source>
        <translation>Graphique des événements déclencheurs</translation>
    </message>
    <message>
        <source>No trigger events in the last three days</source>
        <translation>Aucun événement déclencheur ces trois derniers jours</translation>
    </message>
    <message>
        <source>No trigger events in the last three months</source>
        <translation>Aucun événement déclencheur ces trois derniers mois</translation>
    </message>
    <message>
        <source>Chart saved as {path}</source>
        <translation>Graphique enregistré sous {path}</translation>
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
        <source>Remove filter</source>
        <translation>Supprimer le filtre</translation>
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
        <source>Filter kind</source>
        <translation>Type de filtre</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Has or has not</source>
        <translation>A eu ou n&apos;a pas eu</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>Type d&apos;activité</translation>
    </message>
    <message>
        <source>Activity detail</source>
        <translation>Détail de l&apos;activité</translation>
    </message>
    <message>
        <source>Period in days</source>
        <translation>Période en jours</translation>
    </message>
    <message>
        <source>Minimum number of times</source>
        <translation>Nombre minimal de fois</translation>
    </message>
    <message>
        <source>Member or not</source>
        <translation>Membre ou non</translation>
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
        <source>{n} queued action</source>
        <translation>{n} action en file d&apos;attente</translation>
    </message>
    <message>
        <source>{n} queued actions</source>
        <translation>{n} actions en file d&apos;attente</translation>
    </message>
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
        <source>Sending {actions} to Dynamics…</source>
        <translation>Envoi à Dynamics&#xa0;: {actions}…</translation>
    </message>
    <message>
        <source>Retrying {actions}…</source>
        <translation>Nouvelle tentative&#xa0;: {actions}…</translation>
    </message>
    <message>
        <source>{n} failed action</source>
        <translation>{n} action en échec</translation>
    </message>
    <message>
        <source>{n} failed actions</source>
        <translation>{n} actions en échec</translation>
    </message>
    <message>
        <source>Cancelled {actions}.</source>
        <translation>Annulé&#xa0;: {actions}.</translation>
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
</context>
<context>
    <name>FlowEditor</name>
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
        <source>Next / previous tab (People and campaigns, Automation)</source>
        <translation>Onglet suivant / précédent (Personnes et campagnes, Automatisation)</translation>
    </message>
    <message>
        <source>Show or hide the live log and queue</source>
        <translation>Afficher ou masquer le journal en direct et la file d&apos;attente</translation>
    </message>
    <message>
        <source>Membership chart of the selected campaign</source>
        <translation>Graphique des membres de la campagne sélectionnée</translation>
    </message>
    <message>
        <source>Trigger events chart, per hour or per day</source>
        <translation>Graphique des événements déclencheurs, par heure ou par jour</translation>
    </message>
    <message>
        <source>Save the trigger or batch campaign being edited (Automation)</source>
        <translation>Enregistrer la campagne déclenchée ou par lots en cours de modification (Automatisation)</translation>
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
        <source>Getting started</source>
        <translation>Prise en main</translation>
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
    <name>ImpliedSync</name>
    <message>
        <source>could not create the lead: {problem}</source>
        <translation>impossible de créer le lead&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>{n} person</source>
        <translation>{n} personne</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} personnes</translation>
    </message>
    <message>
        <source>Trigger campaign &apos;{automation}&apos; also added {count} of them to {campaign}</source>
        <translation>La campagne déclenchée «&#xa0;{automation}&#xa0;» en a aussi ajouté {count} à {campaign}</translation>
    </message>
    <message>
        <source>Trigger campaign &apos;{automation}&apos; also removed {count} of them from {campaign}</source>
        <translation>La campagne déclenchée «&#xa0;{automation}&#xa0;» en a aussi supprimé {count} de {campaign}</translation>
    </message>
    <message>
        <source>Redo add of {people} to {campaign}</source>
        <translation>Rétablir l&apos;ajout de {people} à {campaign}</translation>
    </message>
    <message>
        <source>Redo removal of {people} from {campaign}</source>
        <translation>Rétablir la suppression de {people} de {campaign}</translation>
    </message>
    <message>
        <source>Undo add of {people} to {campaign}</source>
        <translation>Annuler l&apos;ajout de {people} à {campaign}</translation>
    </message>
    <message>
        <source>Undo removal of {people} from {campaign}</source>
        <translation>Annuler la suppression de {people} de {campaign}</translation>
    </message>
    <message>
        <source>Redo: remove {people} ({campaign})</source>
        <translation>Rétablir&#xa0;: supprimer {people} ({campaign})</translation>
    </message>
    <message>
        <source>Redo: add back {people} ({campaign})</source>
        <translation>Rétablir&#xa0;: rajouter {people} ({campaign})</translation>
    </message>
    <message>
        <source>Undo: remove {people} ({campaign})</source>
        <translation>Annuler&#xa0;: supprimer {people} ({campaign})</translation>
    </message>
    <message>
        <source>Undo: add back {people} ({campaign})</source>
        <translation>Annuler&#xa0;: rajouter {people} ({campaign})</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>No system keyring is available on this machine, so secrets cannot be saved. Give the secret with the CAMPSYNC_CLIENT_SECRET environment variable instead.</source>
        <translation>Aucun trousseau système n&apos;est disponible sur cette machine&#xa0;: les secrets ne peuvent donc pas être enregistrés. Indiquez plutôt le secret avec la variable d&apos;environnement CAMPSYNC_CLIENT_SECRET.</translation>
    </message>
    <message>
        <source>The keyring refused to store the secret: {problem}</source>
        <translation>Le trousseau a refusé d&apos;enregistrer le secret&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>No system keyring is available on this machine, so the private key cannot be saved. Keep the key in the certificate&apos;s file (mode 0600).</source>
        <translation>Aucun trousseau système n&apos;est disponible sur cette machine&#xa0;: la clé privée ne peut donc pas être enregistrée. Gardez la clé dans le fichier du certificat (mode 0600).</translation>
    </message>
    <message>
        <source>The keyring refused to store the private key: {problem}</source>
        <translation>Le trousseau a refusé d&apos;enregistrer la clé privée&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>LogExport</name>
    <message>
        <source>this store is in memory: it has no log key</source>
        <translation>cette base est en mémoire&#xa0;: elle n&apos;a pas de clé du journal</translation>
    </message>
    <message>
        <source>{variable} is set: the file it names is this store&apos;s log key; unset it to import a key</source>
        <translation>{variable} est défini&#xa0;: le fichier qu&apos;il désigne est la clé du journal de cette base&#xa0;; supprimez cette variable pour importer une clé</translation>
    </message>
    <message>
        <source>this store already has a log key (id {id}, in {source}); its events are signed with it, so another key cannot replace it</source>
        <translation>cette base a déjà une clé du journal (ID {id}, dans {source})&#xa0;; ses événements sont signés avec elle, une autre clé ne peut donc pas la remplacer</translation>
    </message>
</context>
<context>
    <name>LogKey</name>
    <message>
        <source>{file} is not a CampSync log key file (expected one line: {magic} &lt;64 hex digits&gt;)</source>
        <translation>{file} n&apos;est pas un fichier de clé du journal CampSync (une seule ligne attendue&#xa0;: {magic} &lt;64 chiffres hexadécimaux&gt;)</translation>
    </message>
    <message>
        <source>{file} is not a CampSync log key file: the key is not 64 hex digits</source>
        <translation>{file} n&apos;est pas un fichier de clé du journal CampSync&#xa0;: la clé ne fait pas 64 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>the log key file {path} can be read or changed by other users (mode {mode}), so it is not used: run `chmod 600 {path}`</source>
        <translation>le fichier de clé du journal {path} peut être lu ou modifié par d&apos;autres utilisateurs (mode {mode}), il n&apos;est donc pas utilisé&#xa0;: exécutez `chmod 600 {path}`</translation>
    </message>
    <message>
        <source>the keyring&apos;s log key</source>
        <translation>la clé du journal du trousseau</translation>
    </message>
    <message>
        <source>the key file {path} ({variable})</source>
        <translation>le fichier de clé {path} ({variable})</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>le trousseau système</translation>
    </message>
    <message>
        <source>the trigger log&apos;s new key could not be read back from {places}</source>
        <translation>la nouvelle clé du journal des déclencheurs n&apos;a pas pu être relue depuis {places}</translation>
    </message>
    <message>
        <source>the key file {path} named by {variable}</source>
        <translation>le fichier de clé {path} désigné par {variable}</translation>
    </message>
    <message>
        <source>the system keyring and {path}</source>
        <translation>le trousseau système et {path}</translation>
    </message>
    <message>
        <source>the key file {path} (this machine has no system keyring)</source>
        <translation>le fichier de clé {path} (cette machine n&apos;a pas de trousseau système)</translation>
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
        <source>Filter the log</source>
        <translation>Filtrer le journal</translation>
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
        <source>Live log table</source>
        <translation>Tableau du journal en direct</translation>
    </message>
    <message>
        <source>Trigger events as they happen: time, trigger, person, campaign, source and who did it</source>
        <translation>Les événements de déclencheur à mesure qu&apos;ils se produisent&#xa0;: heure, déclencheur, personne, campagne, source et auteur</translation>
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
    <name>LogSeal</name>
    <message>
        <source>the head file {path} is missing</source>
        <translation>le fichier de tête {path} est absent</translation>
    </message>
    <message>
        <source>the head file {path} cannot be read ({problem})</source>
        <translation>le fichier de tête {path} ne peut pas être lu ({problem})</translation>
    </message>
    <message>
        <source>the head file {path} is not a CampSync log head</source>
        <translation>le fichier de tête {path} n&apos;est pas une tête de journal CampSync</translation>
    </message>
    <message>
        <source>the head file {path} cannot be checked without the log key</source>
        <translation>le fichier de tête {path} ne peut pas être vérifié sans la clé du journal</translation>
    </message>
    <message>
        <source>the head file {path} was signed with another log key (id {id}; the key found, in {source}, has id {key_id})</source>
        <translation>le fichier de tête {path} a été signé avec une autre clé du journal (ID {id}&#xa0;; la clé trouvée, dans {source}, a l&apos;ID {key_id})</translation>
    </message>
    <message>
        <source>the head file {path} was changed after CampSync wrote it (its signature does not match)</source>
        <translation>le fichier de tête {path} a été modifié après son écriture par CampSync (sa signature ne correspond pas)</translation>
    </message>
    <message>
        <source>the trigger log&apos;s key was not found ({places}), though {head} shows the log is keyed, so nothing is recorded without it: unlock the keyring, set {variable} to the key file, or import the key with `campsync log-key --import FILE`</source>
        <translation>la clé du journal des déclencheurs est introuvable ({places}), alors que {head} montre que le journal est signé avec une clé&#xa0;: rien n&apos;est donc enregistré sans elle. Déverrouillez le trousseau, indiquez le fichier de clé dans {variable}, ou importez la clé avec `campsync log-key --import FILE`</translation>
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
        <source>{people} for {campaign} now.

Run it?</source>
        <translation>{people} pour {campaign} maintenant.

L&apos;exécuter&#xa0;?</translation>
    </message>
    <message>
        <source>{n} person qualifies</source>
        <translation>{n} personne qualifiée</translation>
    </message>
    <message>
        <source>{n} people qualify</source>
        <translation>{n} personnes qualifiées</translation>
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
    <name>MembershipChart</name>
    <message>
        <source>Membership — {campaign}</source>
        <translation>Membres — {campaign}</translation>
    </message>
    <message>
        <source>Membership of {campaign} over time</source>
        <translation>Membres de {campaign} au fil du temps</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s history…</source>
        <translation>Lecture de l’historique de la campagne…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Enregistrer le graphique comme image PNG</translation>
    </message>
    <message>
        <source>No members yet: people dropped on the campaign, and members of its CRM lists once pulled, show here.</source>
        <translation>Aucun membre pour l’instant&#xa0;: les personnes déposées sur la campagne, et les membres de ses listes CRM une fois récupérés, apparaîtront ici.</translation>
    </message>
    <message>
        <source>Chart saved as {path}</source>
        <translation>Graphique enregistré sous {path}</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>schema {version}</source>
        <translation>schéma {version}</translation>
    </message>
    <message>
        <source>schema revision {revision}</source>
        <translation>révision de schéma {revision}</translation>
    </message>
    <message>
        <source>This database was written by a newer CampSync ({what}, this version knows up to {head}). Update CampSync.</source>
        <translation>Cette base de données a été écrite par une version plus récente de CampSync ({what}, cette version connaît jusqu&apos;à {head}). Mettez CampSync à jour.</translation>
    </message>
</context>
<context>
    <name>Origins</name>
    <message>
        <source>Drag and drop (operator)</source>
        <translation>Glisser-déposer (opérateur)</translation>
    </message>
    <message>
        <source>Delete key (operator)</source>
        <translation>Touche Suppr (opérateur)</translation>
    </message>
    <message>
        <source>Menu (operator)</source>
        <translation>Menu (opérateur)</translation>
    </message>
    <message>
        <source>Keyboard (operator)</source>
        <translation>Clavier (opérateur)</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablissement</translation>
    </message>
    <message>
        <source>Read from Dynamics</source>
        <translation>Lu dans Dynamics</translation>
    </message>
    <message>
        <source>Trigger campaign {name}</source>
        <translation>Campagne déclenchée {name}</translation>
    </message>
    <message>
        <source>Batch campaign {name}</source>
        <translation>Campagne par lots {name}</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>gave up after {attempts} attempts: {problem}</source>
        <translation>abandon après {attempts} tentatives&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>annulé par l&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>No person with email {email}: import or pull them first.</source>
        <translation>Aucune personne avec l&apos;e-mail {email}&#xa0;: importez-la ou récupérez-la d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>PeopleImport</name>
    <message>
        <source>has more than {limit} cells (a CSV of people has one column per field); the row was not read</source>
        <translation>a plus de {limit} cellules (un CSV de personnes a une colonne par champ)&#xa0;; la ligne n&apos;a pas été lue</translation>
    </message>
    <message>
        <source>is longer than {limit} characters; the row was not read</source>
        <translation>dépasse {limit} caractères&#xa0;; la ligne n&apos;a pas été lue</translation>
    </message>
    <message>
        <source>{n} error</source>
        <translation>{n} erreur</translation>
    </message>
    <message>
        <source>{n} errors</source>
        <translation>{n} erreurs</translation>
    </message>
    <message>
        <source>{n} warning</source>
        <translation>{n} avertissement</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} avertissements</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>ligne {row}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>le fichier n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped ({errors}, {warnings})</source>
        <translation>{created} créées, {updated} mises à jour, {unchanged} inchangées, {skipped} ignorées ({errors}, {warnings})</translation>
    </message>
    <message>
        <source>Nothing imported: {reason}</source>
        <translation>Rien n&apos;a été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing imported from {name}: {reason}</source>
        <translation>Rien n&apos;a été importé depuis {name}&#xa0;: {reason}</translation>
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
        <source>Imported {people} from {name}</source>
        <translation>Importé depuis {name}&#xa0;: {people}</translation>
    </message>
    <message>
        <source>{imported} ({count} already up to date)</source>
        <translation>{imported} ({count} déjà à jour)</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Erreurs&#xa0;:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
    <message>
        <source>... and {count} more</source>
        <translation>... et {count} de plus</translation>
    </message>
    <message>
        <source>... and {count} more repeated columns</source>
        <translation>... et {count} autres colonnes répétées</translation>
    </message>
    <message>
        <source>... and {count} more rows merged with an earlier row</source>
        <translation>... et {count} autres lignes fusionnées avec une ligne précédente</translation>
    </message>
    <message>
        <source>... and {count} more rows with control characters removed</source>
        <translation>... et {count} autres lignes dont les caractères de contrôle ont été supprimés</translation>
    </message>
    <message>
        <source>... and {count} more rows with formula-like values</source>
        <translation>... et {count} autres lignes contenant des valeurs semblables à des formules</translation>
    </message>
    <message>
        <source>... and {count} more rows whose type differs from Dynamics</source>
        <translation>... et {count} autres lignes dont le type diffère de celui de Dynamics</translation>
    </message>
    <message>
        <source>The file cannot be read: {problem}.</source>
        <translation>Le fichier ne peut pas être lu&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8; it was read as Windows-1252 (cp1252). Check accented characters, or save the file as UTF-8.</source>
        <translation>Le fichier n&apos;est pas de l&apos;UTF-8 valide&#xa0;; il a été lu en Windows-1252 (cp1252). Vérifiez les caractères accentués, ou enregistrez le fichier en UTF-8.</translation>
    </message>
    <message>
        <source>The first line is longer than {limit} characters: it should be a header row naming the columns (email, name, ...). Is this a CSV file?</source>
        <translation>La première ligne dépasse {limit} caractères&#xa0;: elle devrait être une ligne d&apos;en-tête nommant les colonnes (email, name, ...). S&apos;agit-il bien d&apos;un fichier CSV&#xa0;?</translation>
    </message>
    <message>
        <source>The file is empty: it needs a header row with an email column and a name or last-name column.</source>
        <translation>Le fichier est vide&#xa0;: il lui faut une ligne d&apos;en-tête avec une colonne d&apos;e-mail et une colonne de nom ou de nom de famille.</translation>
    </message>
    <message>
        <source>The header row has {count} columns (at most {limit}): keep the columns of people (email, name, ...) and import that file.</source>
        <translation>La ligne d&apos;en-tête a {count} colonnes (au plus {limit})&#xa0;: gardez les colonnes des personnes (email, name, ...) et importez ce fichier.</translation>
    </message>
    <message>
        <source>Column {title} repeats {first}; the first one is used.</source>
        <translation>La colonne {title} répète {first}&#xa0;; la première est utilisée.</translation>
    </message>
    <message>
        <source>The file needs an email column (email, e-mail, email address) and a name or last-name column (name, full name, last name, surname). Columns found: {found}.</source>
        <translation>Le fichier doit avoir une colonne d&apos;e-mail (email, e-mail, email address) et une colonne de nom ou de nom de famille (name, full name, last name, surname). Colonnes trouvées&#xa0;: {found}.</translation>
    </message>
    <message>
        <source>The file needs an email column (email, e-mail, email address). Columns found: {found}.</source>
        <translation>Le fichier doit avoir une colonne d&apos;e-mail (email, e-mail, email address). Colonnes trouvées&#xa0;: {found}.</translation>
    </message>
    <message>
        <source>The file needs a name or last-name column (name, full name, last name, surname). Columns found: {found}.</source>
        <translation>Le fichier doit avoir une colonne de nom ou de nom de famille (name, full name, last name, surname). Colonnes trouvées&#xa0;: {found}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>... ({count} columns)</source>
        <translation>... ({count} colonnes)</translation>
    </message>
    <message>
        <source>{reason}: a quote (&quot;) opened in this row is never closed, so lines {first}-{last} of the file were read as this one row</source>
        <translation>{reason}&#xa0;: un guillemet (&quot;) ouvert dans cette ligne n&apos;est jamais fermé, les lignes {first}-{last} du fichier ont donc été lues comme cette seule ligne</translation>
    </message>
    <message>
        <source>has a cell longer than {limit} characters (or a quote that is never closed); the row was not read</source>
        <translation>a une cellule de plus de {limit} caractères (ou un guillemet jamais fermé)&#xa0;; la ligne n&apos;a pas été lue</translation>
    </message>
    <message>
        <source>cannot be read as CSV ({problem}); the row was not read</source>
        <translation>ne peut pas être lue comme du CSV ({problem})&#xa0;; la ligne n&apos;a pas été lue</translation>
    </message>
    <message>
        <source>In Excel use File &gt; Save As &gt; CSV UTF-8 (Comma delimited), then import that file.</source>
        <translation>Dans Excel, utilisez Fichier &gt; Enregistrer sous &gt; CSV UTF-8 (délimité par des virgules), puis importez ce fichier.</translation>
    </message>
    <message>
        <source>This is an Excel workbook (.xlsx) or another ZIP file, not a CSV file. {save_as}</source>
        <translation>Ceci est un classeur Excel (.xlsx) ou un autre fichier ZIP, pas un fichier CSV. {save_as}</translation>
    </message>
    <message>
        <source>This is an Excel 97-2003 workbook (.xls), not a CSV file. {save_as}</source>
        <translation>Ceci est un classeur Excel 97-2003 (.xls), pas un fichier CSV. {save_as}</translation>
    </message>
    <message>
        <source>This is a PDF document, not a CSV file. Export the people as CSV (UTF-8) and import that file.</source>
        <translation>Ceci est un document PDF, pas un fichier CSV. Exportez les personnes en CSV (UTF-8) et importez ce fichier.</translation>
    </message>
    <message>
        <source>This is not a text CSV file: it contains binary data. Export or save the people as CSV (UTF-8) and import that file.</source>
        <translation>Ceci n&apos;est pas un fichier CSV texte&#xa0;: il contient des données binaires. Exportez ou enregistrez les personnes en CSV (UTF-8) et importez ce fichier.</translation>
    </message>
    <message>
        <source>The file starts like UTF-16 text but is not valid UTF-16 ({problem}). Save it again as CSV UTF-8 and import that file.</source>
        <translation>Le fichier commence comme du texte UTF-16 mais n&apos;est pas de l&apos;UTF-16 valide ({problem}). Enregistrez-le de nouveau en CSV UTF-8 et importez ce fichier.</translation>
    </message>
    <message>
        <source>has {cells} cells but the header has {header}</source>
        <translation>a {cells} cellules mais l&apos;en-tête en a {header}</translation>
    </message>
    <message>
        <source>{column} is {length} characters long (at most {limit})</source>
        <translation>{column} fait {length} caractères (au plus {limit})</translation>
    </message>
    <message>
        <source>email is missing</source>
        <translation>l&apos;e-mail est absent</translation>
    </message>
    <message>
        <source>email {email} holds control characters; it is not a valid address</source>
        <translation>l&apos;e-mail {email} contient des caractères de contrôle&#xa0;; ce n&apos;est pas une adresse valide</translation>
    </message>
    <message>
        <source>email {email} is not a valid address</source>
        <translation>l&apos;e-mail {email} n&apos;est pas une adresse valide</translation>
    </message>
    <message>
        <source>score {score} is not a whole number</source>
        <translation>le score {score} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>type {type} is not lead or contact (leave it empty for a local-only person)</source>
        <translation>le type {type} n&apos;est ni lead ni contact (laissez-le vide pour une personne uniquement locale)</translation>
    </message>
    <message>
        <source>row {row}: same email as row {first} ({email}); merged into one person</source>
        <translation>ligne {row}&#xa0;: même e-mail que la ligne {first} ({email})&#xa0;; fusionnées en une seule personne</translation>
    </message>
    <message>
        <source>row {row}: control characters (line breaks, tabs, terminal escapes) removed from {columns}</source>
        <translation>ligne {row}&#xa0;: caractères de contrôle (sauts de ligne, tabulations, séquences d&apos;échappement de terminal) supprimés de {columns}</translation>
    </message>
    <message>
        <source>row {row}: {columns} begins like a spreadsheet formula; stored as text, exports will neutralise it</source>
        <translation>ligne {row}&#xa0;: {columns} commence comme une formule de tableur&#xa0;; enregistré comme texte, les exports la neutraliseront</translation>
    </message>
    <message>
        <source>row {row}: {email} is a lead in Dynamics; type {type} ignored</source>
        <translation>ligne {row}&#xa0;: {email} est un lead dans Dynamics&#xa0;; type {type} ignoré</translation>
    </message>
    <message>
        <source>row {row}: {email} is a contact in Dynamics; type {type} ignored</source>
        <translation>ligne {row}&#xa0;: {email} est un contact dans Dynamics&#xa0;; type {type} ignoré</translation>
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
        <source>People table</source>
        <translation>Tableau des personnes</translation>
    </message>
    <message>
        <source>Leads and contacts matching the search: name, email, company, type, sync state, score and country</source>
        <translation>Leads et contacts correspondant à la recherche&#xa0;: nom, e-mail, société, type, état de synchronisation, score et pays</translation>
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
        <source>Preview table</source>
        <translation>Tableau de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Each person, their email, what will happen to them and why</source>
        <translation>Chaque personne, son e-mail, ce qui va lui arriver et pourquoi</translation>
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
        <source>Campaign name to confirm</source>
        <translation>Nom de la campagne à confirmer</translation>
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
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
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
    <name>Pull</name>
    <message>
        <source>{kind}s: the org refused the changes since the last pull ({problem}); read them all instead</source>
        <translation>{kind}s&#xa0;: l&apos;organisation a refusé les modifications depuis la dernière récupération ({problem})&#xa0;; lecture complète à la place</translation>
    </message>
    <message>
        <source>{kind}s by their changes since the last pull ({count} new or changed, {deleted} deleted in Dynamics)</source>
        <translation>{kind}s par leurs modifications depuis la dernière récupération ({count} nouveaux ou modifiés, {deleted} supprimés dans Dynamics)</translation>
    </message>
    <message>
        <source>{kind}s by their changes since the last pull ({count} new or changed)</source>
        <translation>{kind}s par leurs modifications depuis la dernière récupération ({count} nouveaux ou modifiés)</translation>
    </message>
    <message>
        <source>{kind}s in full</source>
        <translation>{kind}s en entier</translation>
    </message>
    <message>
        <source>Read {parts}.</source>
        <translation>Lu&#xa0;: {parts}.</translation>
    </message>
    <message>
        <source>{kind} {id}: email {email} already belongs to another Dynamics record in the store; stored without it</source>
        <translation>{kind} {id}&#xa0;: l&apos;e-mail {email} appartient déjà à un autre enregistrement Dynamics de la base&#xa0;; enregistré sans e-mail</translation>
    </message>
    <message>
        <source>campaign {campaign}: an older CampSync list {older} doubled {list}; {members} moved from it, and it was unlinked and deleted</source>
        <translation>campagne {campaign}&#xa0;: une ancienne liste CampSync {older} doublait {list}&#xa0;; {members}, puis elle a été dissociée et supprimée</translation>
    </message>
    <message>
        <source>{n} member was</source>
        <translation>{n} membre en a été déplacé</translation>
    </message>
    <message>
        <source>{n} members were</source>
        <translation>{n} membres en ont été déplacés</translation>
    </message>
    <message>
        <source>list {list} ({id}) is named like CampSync&apos;s list of campaign {campaign} but was not made by CampSync (its id is not CampSync&apos;s); left alone, its members count as CRM members</source>
        <translation>la liste {list} ({id}) porte le nom de la liste CampSync de la campagne {campaign} mais n&apos;a pas été créée par CampSync (son ID n&apos;est pas celui de CampSync)&#xa0;; laissée telle quelle, ses membres comptent comme membres CRM</translation>
    </message>
    <message>
        <source>list {list} is CampSync&apos;s for {kind}s but holds {held}s; its members count as CRM members</source>
        <translation>la liste {list} est celle de CampSync pour les {kind}s mais contient des {held}s&#xa0;; ses membres comptent comme membres CRM</translation>
    </message>
    <message>
        <source>{kind} {id}: email {email} holds control characters; stored without it</source>
        <translation>{kind} {id}&#xa0;: l&apos;e-mail {email} contient des caractères de contrôle&#xa0;; enregistré sans e-mail</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>person {id}</source>
        <translation>personne {id}</translation>
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
        <source>Queue table</source>
        <translation>Tableau de la file d&apos;attente</translation>
    </message>
    <message>
        <source>Flow actions pending, running or failed: action, person, campaign, state, attempts and message</source>
        <translation>Actions de flux en attente, en cours ou en échec&#xa0;: action, personne, campagne, état, tentatives et message</translation>
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
        <source>Results table</source>
        <translation>Tableau des résultats</translation>
    </message>
    <message>
        <source>What this campaign did for each person: time, person, step, outcome, detail and by whom</source>
        <translation>Ce que cette campagne a fait pour chaque personne&#xa0;: heure, personne, étape, résultat, détail et auteur</translation>
    </message>
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
    <name>Sandbox</name>
    <message>
        <source>{text} is not a port number (0-65535; 0 picks a free port)</source>
        <translation>{text} n&apos;est pas un numéro de port (0-65535&#xa0;; 0 en choisit un libre)</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>{text} must be 0 or more</source>
        <translation>{text} doit être 0 ou plus</translation>
    </message>
    <message>
        <source>{text} must be 1 or more</source>
        <translation>{text} doit être 1 ou plus</translation>
    </message>
    <message>
        <source>{text} is not N/SECONDS: give the number of requests allowed per window, e.g. 100/60</source>
        <translation>{text} n&apos;est pas de la forme N/SECONDS&#xa0;: indiquez le nombre de requêtes permises par fenêtre, par ex. 100/60</translation>
    </message>
    <message>
        <source>{text} is not a number between 0 and 1</source>
        <translation>{text} n&apos;est pas un nombre entre 0 et 1</translation>
    </message>
    <message>
        <source>{text} is not between 0 and 1</source>
        <translation>{text} n&apos;est pas entre 0 et 1</translation>
    </message>
    <message>
        <source>{text} is not a number of seconds</source>
        <translation>{text} n&apos;est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>{text} must be 0 or more seconds</source>
        <translation>{text} doit être de 0 seconde ou plus</translation>
    </message>
    <message>
        <source>{text} is not a version such as 4.2.0.0 (or &apos;none&apos;: not installed)</source>
        <translation>{text} n&apos;est pas une version telle que 4.2.0.0 (ou &apos;none&apos;&#xa0;: non installée)</translation>
    </message>
    <message>
        <source>HTTPS port on 127.0.0.1 (default 8443; 0 = free)</source>
        <translation>port HTTPS sur 127.0.0.1 (par défaut 8443&#xa0;; 0 = libre)</translation>
    </message>
    <message>
        <source>delay added to every API request</source>
        <translation>délai ajouté à chaque requête d&apos;API</translation>
    </message>
    <message>
        <source>force a maximum page size</source>
        <translation>imposer une taille de page maximale</translation>
    </message>
    <message>
        <source>allow N API requests per SECONDS</source>
        <translation>permettre N requêtes d&apos;API toutes les SECONDS secondes</translation>
    </message>
    <message>
        <source>share of API requests failing with 503 or a dropped connection</source>
        <translation>part des requêtes d&apos;API qui échouent par une erreur 503 ou une connexion coupée</translation>
    </message>
    <message>
        <source>x-ms-dop-hint sent on API answers: requests a client may run in parallel (default {default}; &apos;none&apos; sends no header)</source>
        <translation>x-ms-dop-hint envoyé dans les réponses de l&apos;API&#xa0;: requêtes qu&apos;un client peut lancer en parallèle (par défaut {default}&#xa0;; &apos;none&apos; n&apos;envoie pas l&apos;en-tête)</translation>
    </message>
    <message>
        <source>lifetime of access tokens, in seconds</source>
        <translation>durée de vie des jetons d&apos;accès, en secondes</translation>
    </message>
    <message>
        <source>seed of the demo data (default 42)</source>
        <translation>graine des données de démonstration (par défaut 42)</translation>
    </message>
    <message>
        <source>version of the prerequisite solution, or &apos;none&apos; for not installed</source>
        <translation>version de la solution prérequise, ou &apos;none&apos; si elle n&apos;est pas installée</translation>
    </message>
    <message>
        <source>the tenant asks every user a one-time code (123456) at sign-in; refresh tokens from earlier sign-ins are answered interaction_required (AADSTS50076)</source>
        <translation>le locataire demande à chaque utilisateur un code à usage unique (123456) à la connexion&#xa0;; les jetons d&apos;actualisation des connexions précédentes reçoivent interaction_required (AADSTS50076)</translation>
    </message>
    <message>
        <source>the app has no consent: user sign-ins and refreshes fail with AADSTS65001</source>
        <translation>l&apos;application n&apos;a pas de consentement&#xa0;: les connexions des utilisateurs et les actualisations échouent avec AADSTS65001</translation>
    </message>
    <message>
        <source>every refresh token is refused as revoked (AADSTS50173): users must sign in again</source>
        <translation>chaque jeton d&apos;actualisation est refusé comme révoqué (AADSTS50173)&#xa0;: les utilisateurs doivent se reconnecter</translation>
    </message>
    <message>
        <source>folder for the CA certificate (default: the app&apos;s sandbox folder)</source>
        <translation>dossier du certificat de l&apos;autorité de certification (par défaut&#xa0;: le dossier sandbox de l&apos;application)</translation>
    </message>
    <message>
        <source>also write the CAMPSYNC_* lines to this file</source>
        <translation>écrire aussi les lignes CAMPSYNC_* dans ce fichier</translation>
    </message>
    <message>
        <source>use the client secret in this file instead of a random one (also: the {env} variable)</source>
        <translation>utiliser le secret client de ce fichier au lieu d&apos;un secret aléatoire (aussi&#xa0;: la variable {env})</translation>
    </message>
    <message>
        <source>deprecated: other local users see it in the process list; use --client-secret-file or {env}</source>
        <translation>obsolète&#xa0;: les autres utilisateurs locaux le voient dans la liste des processus&#xa0;; utilisez --client-secret-file ou {env}</translation>
    </message>
    <message>
        <source>cannot read the client secret file {path}: {reason}</source>
        <translation>impossible de lire le fichier du secret client {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path} does not hold a client secret: give a file with the secret on one line</source>
        <translation>{path} ne contient pas de secret client&#xa0;: indiquez un fichier avec le secret sur une seule ligne</translation>
    </message>
    <message>
        <source>warning: --client-secret is visible to other local users in the process list; use --client-secret-file PATH or {env} instead.</source>
        <translation>avertissement&#xa0;: --client-secret est visible des autres utilisateurs locaux dans la liste des processus&#xa0;; utilisez plutôt --client-secret-file PATH ou {env}.</translation>
    </message>
    <message>
        <source>{reason}; choose another with --port (0 picks a free one).</source>
        <translation>{reason}&#xa0;; choisissez-en un autre avec --port (0 en choisit un libre).</translation>
    </message>
    <message>
        <source>cannot start: {error}</source>
        <translation>impossible de démarrer&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Sandbox org running at {url}; Ctrl+C stops it.</source>
        <translation>Organisation sandbox en marche à {url}&#xa0;; Ctrl+C l&apos;arrête.</translation>
    </message>
    <message>
        <source>Certificate instead of the secret: CAMPSYNC_CLIENT_CERTIFICATE={file}</source>
        <translation>Certificat au lieu du secret&#xa0;: CAMPSYNC_CLIENT_CERTIFICATE={file}</translation>
    </message>
    <message>
        <source>Sign in as a person (password &apos;demo&apos;): {users}</source>
        <translation>Se connecter en tant que personne (mot de passe &apos;demo&apos;)&#xa0;: {users}</translation>
    </message>
    <message>
        <source>Stopping the sandbox org.</source>
        <translation>Arrêt de l&apos;organisation sandbox.</translation>
    </message>
    <message>
        <source>Run a local Dynamics 365 sandbox org.</source>
        <translation>Lancer une organisation sandbox Dynamics 365 locale.</translation>
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
    <name>SignIn</name>
    <message>
        <source>the signed-in user</source>
        <translation>l&apos;utilisateur connecté</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>{who} may not do this in Dynamics: missing {privileges} (usually granted by {roles}); ask a Dynamics admin for that security role, or sign in as someone who has it</source>
        <translation>{who} n&apos;a pas le droit de faire cela dans Dynamics&#xa0;: il manque {privileges} (accordé en général par {roles})&#xa0;; demandez ce rôle de sécurité à un administrateur Dynamics, ou connectez-vous avec un compte qui l&apos;a</translation>
    </message>
    <message>
        <source>Connection {name} signs in as an application with a client secret: there is no person to sign in or out. A connection with a client id only signs a person in.</source>
        <translation>La connexion {name} se connecte en tant qu&apos;application avec un secret client&#xa0;: il n&apos;y a personne à connecter ou à déconnecter. Seule une connexion avec un ID client uniquement connecte une personne.</translation>
    </message>
    <message>
        <source>Connection {name} signs in as an application with a certificate: there is no person to sign in or out. A connection with a client id only signs a person in.</source>
        <translation>La connexion {name} se connecte en tant qu&apos;application avec un certificat&#xa0;: il n&apos;y a personne à connecter ou à déconnecter. Seule une connexion avec un ID client uniquement connecte une personne.</translation>
    </message>
    <message>
        <source>A store in memory has no folder for the token cache; give the workspace a home.</source>
        <translation>Une base en mémoire n&apos;a pas de dossier pour le cache des jetons&#xa0;; donnez un dossier de base à l&apos;espace de travail.</translation>
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
    <name>SignInErrors</name>
    <message>
        <source>run `campsync login` (or `campsync login --device-code` on a machine without a browser)</source>
        <translation>exécutez `campsync login` (ou `campsync login --device-code` sur une machine sans navigateur)</translation>
    </message>
    <message>
        <source>use device code sign-in instead (`campsync login --device-code`)</source>
        <translation>utilisez plutôt la connexion par code (`campsync login --device-code`)</translation>
    </message>
    <message>
        <source>Not signed in: {hint}.</source>
        <translation>Non connecté&#xa0;: {hint}.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was removed: sign in again — {hint}.</source>
        <translation>Votre connexion a expiré ou a été supprimée&#xa0;: reconnectez-vous — {hint}.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>No web browser could be opened on this machine for sign-in: {use_code} and approve the code on any device with a browser.</source>
        <translation>Aucun navigateur web n&apos;a pu être ouvert sur cette machine pour la connexion&#xa0;: {use_code} et validez le code sur n&apos;importe quel appareil doté d&apos;un navigateur.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was approved: start again with `campsync login --device-code` and enter the new code within its time.</source>
        <translation>Le code de connexion a expiré avant d&apos;être validé&#xa0;: recommencez avec `campsync login --device-code` et saisissez le nouveau code avant son expiration.</translation>
    </message>
    <message>
        <source>No answer came back from the sign-in page in time: sign in again, and finish in the browser window CampSync opens.</source>
        <translation>La page de connexion n&apos;a pas répondu à temps&#xa0;: reconnectez-vous, et terminez dans la fenêtre de navigateur ouverte par CampSync.</translation>
    </message>
    <message>
        <source>The sign-in page could not be completed: {problem}</source>
        <translation>La page de connexion n&apos;a pas pu aboutir&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Your organisation requires multi-factor authentication (MFA) for this sign-in: sign in again and complete the second step — {hint}.</source>
        <translation>Votre organisation exige l&apos;authentification multifacteur (MFA) pour cette connexion&#xa0;: reconnectez-vous et effectuez la deuxième étape — {hint}.</translation>
    </message>
    <message>
        <source>Your organisation requires you to set up multi-factor authentication (MFA): sign in again and follow the setup steps — {hint}.</source>
        <translation>Votre organisation vous demande de configurer l&apos;authentification multifacteur (MFA)&#xa0;: reconnectez-vous et suivez les étapes de configuration — {hint}.</translation>
    </message>
    <message>
        <source>Access was blocked by your organisation&apos;s conditional access policy: sign in from a device and network your organisation allows, or ask your Entra ID administrator which policy applies.</source>
        <translation>L&apos;accès a été bloqué par la stratégie d&apos;accès conditionnel de votre organisation&#xa0;: connectez-vous depuis un appareil et un réseau autorisés par votre organisation, ou demandez à votre administrateur Entra ID quelle stratégie s&apos;applique.</translation>
    </message>
    <message>
        <source>This app has not been granted access to Dynamics 365 for you: an Entra ID administrator grants consent for the app registration (API permissions → Dynamics CRM → user_impersonation → Grant admin consent), then sign in again — {hint}.</source>
        <translation>Cette application n&apos;a pas reçu l&apos;accès à Dynamics 365 pour vous&#xa0;: un administrateur Entra ID donne son consentement pour l&apos;inscription d&apos;application (Autorisations d&apos;API → Dynamics CRM → user_impersonation → Accorder un consentement administrateur), puis reconnectez-vous — {hint}.</translation>
    </message>
    <message>
        <source>This account is not a member of the organisation&apos;s tenant: sign in with your work account of this organisation, or ask an administrator to invite you.</source>
        <translation>Ce compte n&apos;est pas membre du locataire (tenant) de l&apos;organisation&#xa0;: connectez-vous avec votre compte professionnel de cette organisation, ou demandez à un administrateur de vous inviter.</translation>
    </message>
    <message>
        <source>This user name does not exist in the organisation: check the spelling of your work account (name@yourcompany.com).</source>
        <translation>Ce nom d&apos;utilisateur n&apos;existe pas dans l&apos;organisation&#xa0;: vérifiez l&apos;orthographe de votre compte professionnel (nom@votreentreprise.com).</translation>
    </message>
    <message>
        <source>This account is disabled: ask your Entra ID administrator to enable it.</source>
        <translation>Ce compte est désactivé&#xa0;: demandez à votre administrateur Entra ID de l&apos;activer.</translation>
    </message>
    <message>
        <source>The user name or password is wrong: check them and sign in again.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est incorrect&#xa0;: vérifiez-les et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your sign-in has expired (it was not used for a long time): sign in again — {hint}.</source>
        <translation>Votre connexion a expiré (elle n&apos;a pas été utilisée depuis longtemps)&#xa0;: reconnectez-vous — {hint}.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid (the password was changed or the session was revoked): sign in again — {hint}.</source>
        <translation>Votre connexion n&apos;est plus valide (le mot de passe a été modifié ou la session a été révoquée)&#xa0;: reconnectez-vous — {hint}.</translation>
    </message>
    <message>
        <source>The app registration does not accept this sign-in&apos;s redirect address (http://localhost): add it under Authentication → Mobile and desktop applications, or use device code sign-in (`campsync login --device-code`).</source>
        <translation>L&apos;inscription d&apos;application n&apos;accepte pas l&apos;adresse de redirection de cette connexion (http://localhost)&#xa0;: ajoutez-la sous Authentification → Applications mobiles et de bureau, ou utilisez la connexion par code (`campsync login --device-code`).</translation>
    </message>
    <message>
        <source>The app registration does not allow public client sign-in: turn on &apos;Allow public client flows&apos; under Authentication in the app registration.</source>
        <translation>L&apos;inscription d&apos;application n&apos;autorise pas la connexion en client public&#xa0;: activez «&#xa0;Autoriser les flux de clients publics&#xa0;» sous Authentification dans l&apos;inscription d&apos;application.</translation>
    </message>
    <message>
        <source>Application (client) id not found in this tenant: check the client id and the tenant.</source>
        <translation>ID d&apos;application (client) introuvable dans ce locataire&#xa0;: vérifiez l&apos;ID client et le locataire.</translation>
    </message>
    <message>
        <source>Tenant not found: check the tenant id (a GUID or yourcompany.onmicrosoft.com).</source>
        <translation>Locataire (tenant) introuvable&#xa0;: vérifiez l&apos;ID du locataire (un GUID ou votreentreprise.onmicrosoft.com).</translation>
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
    <name>SmartLists</name>
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
        <source>{field} is empty</source>
        <translation>{field} est vide</translation>
    </message>
    <message>
        <source>{field} is not empty</source>
        <translation>{field} n&apos;est pas vide</translation>
    </message>
    <message>
        <source>{field} on {when}</source>
        <translation>{field} le {when}</translation>
    </message>
    <message>
        <source>{field} at {when}</source>
        <translation>{field} à {when}</translation>
    </message>
    <message>
        <source>{field} not on {when}</source>
        <translation>{field} pas le {when}</translation>
    </message>
    <message>
        <source>{field} not at {when}</source>
        <translation>{field} pas à {when}</translation>
    </message>
    <message>
        <source>{field} after {when}</source>
        <translation>{field} après {when}</translation>
    </message>
    <message>
        <source>{field} before {when}</source>
        <translation>{field} avant {when}</translation>
    </message>
    <message>
        <source>{field} is {value}</source>
        <translation>{field} est {value}</translation>
    </message>
    <message>
        <source>{field} is not {value}</source>
        <translation>{field} n&apos;est pas {value}</translation>
    </message>
    <message>
        <source>{field} is greater than {value}</source>
        <translation>{field} est supérieur à {value}</translation>
    </message>
    <message>
        <source>{field} is less than {value}</source>
        <translation>{field} est inférieur à {value}</translation>
    </message>
    <message>
        <source>{field} contains {value}</source>
        <translation>{field} contient {value}</translation>
    </message>
    <message>
        <source>{field} does not contain {value}</source>
        <translation>{field} ne contient pas {value}</translation>
    </message>
    <message>
        <source>{field} starts with {value}</source>
        <translation>{field} commence par {value}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>{field} is any of {values}</source>
        <translation>{field} est l&apos;un de {values}</translation>
    </message>
    <message>
        <source>{field} is none of {values}</source>
        <translation>{field} n&apos;est aucun de {values}</translation>
    </message>
    <message>
        <source>Has {activity}</source>
        <translation>A eu {activity}</translation>
    </message>
    <message>
        <source>Has not {activity}</source>
        <translation>N&apos;a pas eu {activity}</translation>
    </message>
    <message>
        <source>containing {text}</source>
        <translation>contenant {text}</translation>
    </message>
    <message>
        <source>at least {count} times</source>
        <translation>au moins {count} fois</translation>
    </message>
    <message>
        <source>in the last day</source>
        <translation>dans le dernier jour</translation>
    </message>
    <message>
        <source>in the last {count} days</source>
        <translation>dans les {count} derniers jours</translation>
    </message>
    <message>
        <source>Member of Microsoft campaign (added by CampSync): {campaigns}</source>
        <translation>Membre de la campagne Microsoft (ajouté par CampSync)&#xa0;: {campaigns}</translation>
    </message>
    <message>
        <source>Not member of Microsoft campaign (added by CampSync): {campaigns}</source>
        <translation>Non membre de la campagne Microsoft (ajouté par CampSync)&#xa0;: {campaigns}</translation>
    </message>
    <message>
        <source>No filters: everyone qualifies</source>
        <translation>Aucun filtre&#xa0;: tout le monde est qualifié</translation>
    </message>
    <message>
        <source>All filters</source>
        <translation>Tous les filtres</translation>
    </message>
    <message>
        <source>Any filter</source>
        <translation>N&apos;importe quel filtre</translation>
    </message>
    <message>
        <source>Filters {logic}</source>
        <translation>Filtres {logic}</translation>
    </message>
    <message>
        <source>unknown word {word} (use filter numbers with and, or, not and parentheses, or just &apos;all&apos; / &apos;any&apos;)</source>
        <translation>mot inconnu {word} (utilisez des numéros de filtre avec and, or, not et des parenthèses, ou simplement &apos;all&apos; / &apos;any&apos;)</translation>
    </message>
    <message>
        <source>unexpected {value} (use filter numbers with and, or, not and parentheses)</source>
        <translation>{value} inattendu (utilisez des numéros de filtre avec and, or, not et des parenthèses)</translation>
    </message>
    <message>
        <source>too long: {count} filter numbers, at most {limit}</source>
        <translation>trop long&#xa0;: {count} numéros de filtre, au plus {limit}</translation>
    </message>
    <message>
        <source>unbalanced parentheses</source>
        <translation>parenthèses non équilibrées</translation>
    </message>
    <message>
        <source>Logic {logic}: {problem}.</source>
        <translation>Logique {logic}&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>unexpected {value}</source>
        <translation>{value} inattendu</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep</source>
        <translation>imbriquée sur plus de {limit} niveaux</translation>
    </message>
    <message>
        <source>filter numbers start at 1</source>
        <translation>les numéros de filtre commencent à 1</translation>
    </message>
    <message>
        <source>filter {number} does not exist (there is only 1 filter)</source>
        <translation>le filtre {number} n&apos;existe pas (il n&apos;y a qu&apos;un seul filtre)</translation>
    </message>
    <message>
        <source>filter {number} does not exist (there are {count} filters)</source>
        <translation>le filtre {number} n&apos;existe pas (il y a {count} filtres)</translation>
    </message>
    <message>
        <source>expected &apos;and&apos; or &apos;or&apos; before {value}</source>
        <translation>&apos;and&apos; ou &apos;or&apos; attendu avant {value}</translation>
    </message>
    <message>
        <source>expected a filter number after {word}</source>
        <translation>numéro de filtre attendu après {word}</translation>
    </message>
    <message>
        <source>expected a filter number after {word}, not {value}</source>
        <translation>numéro de filtre attendu après {word}, pas {value}</translation>
    </message>
    <message>
        <source>expected a filter number after &apos;(&apos;</source>
        <translation>numéro de filtre attendu après &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected a filter number after &apos;(&apos;, not {value}</source>
        <translation>numéro de filtre attendu après &apos;(&apos;, pas {value}</translation>
    </message>
    <message>
        <source>expected a filter number</source>
        <translation>numéro de filtre attendu</translation>
    </message>
    <message>
        <source>expected a filter number, not {value}</source>
        <translation>numéro de filtre attendu, pas {value}</translation>
    </message>
    <message>
        <source>A smart list must be an object with &apos;filters&apos; and &apos;logic&apos;.</source>
        <translation>Une liste dynamique doit être un objet avec &apos;filters&apos; et &apos;logic&apos;.</translation>
    </message>
    <message>
        <source>Unknown smart list setting {setting} (a smart list has &apos;filters&apos; and &apos;logic&apos;).</source>
        <translation>Paramètre de liste dynamique inconnu {setting} (une liste dynamique a &apos;filters&apos; et &apos;logic&apos;).</translation>
    </message>
    <message>
        <source>&apos;filters&apos; must be a list of filters.</source>
        <translation>&apos;filters&apos; doit être une liste de filtres.</translation>
    </message>
    <message>
        <source>A smart list has at most {limit} filters; this one has {count}. Combine values into one filter (&apos;is any of&apos;) or split the campaign.</source>
        <translation>Une liste dynamique a au plus {limit} filtres&#xa0;; celle-ci en a {count}. Regroupez des valeurs dans un seul filtre («&#xa0;est l&apos;un de&#xa0;») ou scindez la campagne.</translation>
    </message>
    <message>
        <source>Logic must be text: &apos;all&apos;, &apos;any&apos;, or an expression such as &apos;1 and (2 or 3)&apos;.</source>
        <translation>La logique doit être du texte&#xa0;: &apos;all&apos;, &apos;any&apos;, ou une expression telle que &apos;1 and (2 or 3)&apos;.</translation>
    </message>
    <message>
        <source>Filter {number}: {problem}</source>
        <translation>Filtre {number}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Filter {number} must be an object, not {type}.</source>
        <translation>Le filtre {number} doit être un objet, pas {type}.</translation>
    </message>
    <message>
        <source>unknown kind {kind} (expected field, activity or membership).</source>
        <translation>type inconnu {kind} (field, activity ou membership attendu).</translation>
    </message>
    <message>
        <source>unknown setting {setting} for a {kind} filter (known: {known}).</source>
        <translation>paramètre inconnu {setting} pour un filtre {kind} (connus&#xa0;: {known}).</translation>
    </message>
    <message>
        <source>choose a field.</source>
        <translation>choisissez un champ.</translation>
    </message>
    <message>
        <source>unknown field {field}. Known fields: {known}.</source>
        <translation>champ inconnu {field}. Champs connus&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>choose an op for {field}.</source>
        <translation>choisissez un opérateur pour {field}.</translation>
    </message>
    <message>
        <source>unknown op {op}. Known ops: {known}.</source>
        <translation>opérateur inconnu {op}. Opérateurs connus&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>{op} is not valid for {field} ({kind}); use one of: {known}.</source>
        <translation>{op} n&apos;est pas valide pour {field} ({kind})&#xa0;; utilisez l&apos;un de&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>{op} on {field} needs a value.</source>
        <translation>{op} sur {field} nécessite une valeur.</translation>
    </message>
    <message>
        <source>{op} needs a list of values, e.g. [&quot;France&quot;, &quot;Spain&quot;].</source>
        <translation>{op} nécessite une liste de valeurs, p. ex. [&quot;France&quot;, &quot;Spain&quot;].</translation>
    </message>
    <message>
        <source>{op} on {field} needs at least one value.</source>
        <translation>{op} sur {field} nécessite au moins une valeur.</translation>
    </message>
    <message>
        <source>value {number}</source>
        <translation>la valeur {number}</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>la valeur</translation>
    </message>
    <message>
        <source>a text field</source>
        <translation>un champ texte</translation>
    </message>
    <message>
        <source>a number field</source>
        <translation>un champ numérique</translation>
    </message>
    <message>
        <source>a date field</source>
        <translation>un champ date</translation>
    </message>
    <message>
        <source>a choice field</source>
        <translation>un champ de choix</translation>
    </message>
    <message>
        <source>{what} for {field} must be text, not {type}.</source>
        <translation>{what} de {field} doit être du texte, pas {type}.</translation>
    </message>
    <message>
        <source>{op} on {field} needs a value (some text to look for).</source>
        <translation>{op} sur {field} nécessite une valeur (un texte à rechercher).</translation>
    </message>
    <message>
        <source>{what} for {field} must be a number, not {value}.</source>
        <translation>{what} de {field} doit être un nombre, pas {value}.</translation>
    </message>
    <message>
        <source>{what} for {field} must be one of {known}, not {value}.</source>
        <translation>{what} de {field} doit être l&apos;une des valeurs {known}, pas {value}.</translation>
    </message>
    <message>
        <source>{op} on {field} needs a value (a date such as 2024-01-31, or epoch seconds).</source>
        <translation>{op} sur {field} nécessite une valeur (une date telle que 2024-01-31, ou des secondes Unix (epoch)).</translation>
    </message>
    <message>
        <source>{what} for {field} must be a date such as 2024-01-31, a date and time such as 2024-01-31T09:30:00Z, or epoch seconds (a number); not {value}.</source>
        <translation>{what} de {field} doit être une date telle que 2024-01-31, une date et une heure telles que 2024-01-31T09:30:00Z, ou des secondes Unix (epoch, un nombre)&#xa0;; pas {value}.</translation>
    </message>
    <message>
        <source>an activity filter needs an activity type, e.g. &quot;visited_web_page&quot;.</source>
        <translation>un filtre d&apos;activité nécessite un type d&apos;activité, p. ex. &quot;visited_web_page&quot;.</translation>
    </message>
    <message>
        <source>&apos;has&apos; must be true or false, not {value}.</source>
        <translation>&apos;has&apos; doit être true ou false, pas {value}.</translation>
    </message>
    <message>
        <source>&apos;detail_contains&apos; must be text, not {type}.</source>
        <translation>&apos;detail_contains&apos; doit être du texte, pas {type}.</translation>
    </message>
    <message>
        <source>&apos;within_days&apos; must be a whole number of days from 1 to {limit}, not {value}.</source>
        <translation>&apos;within_days&apos; doit être un nombre entier de jours de 1 à {limit}, pas {value}.</translation>
    </message>
    <message>
        <source>&apos;min_times&apos; must be a whole number from 1 to {limit}, not {value}.</source>
        <translation>&apos;min_times&apos; doit être un nombre entier de 1 à {limit}, pas {value}.</translation>
    </message>
    <message>
        <source>&apos;member&apos; must be true or false, not {value}.</source>
        <translation>&apos;member&apos; doit être true ou false, pas {value}.</translation>
    </message>
    <message>
        <source>choose at least one Microsoft campaign (&apos;campaign_ids&apos;).</source>
        <translation>choisissez au moins une campagne Microsoft (&apos;campaign_ids&apos;).</translation>
    </message>
    <message>
        <source>every campaign id must be non-empty text.</source>
        <translation>chaque ID de campagne doit être un texte non vide.</translation>
    </message>
    <message>
        <source>This smart list is too complex for the database (its logic is nested too deeply, or it has too many filters): simplify the logic.</source>
        <translation>Cette liste dynamique est trop complexe pour la base de données (sa logique est trop profondément imbriquée, ou elle a trop de filtres)&#xa0;: simplifiez la logique.</translation>
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
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move this step down</source>
        <translation>Descendre cette étape</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove this step</source>
        <translation>Supprimer cette étape</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Supprimer l&apos;étape</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Field to change</source>
        <translation>Champ à modifier</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Wait for</source>
        <translation>Attendre pendant</translation>
    </message>
    <message>
        <source>Unit of time</source>
        <translation>Unité de temps</translation>
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
    <name>Store</name>
    <message>
        <source>the store URL</source>
        <translation>l&apos;URL de la base</translation>
    </message>
    <message>
        <source>The store {url} is at schema {revision}; this CampSync needs {head}. An admin upgrades it with `{command}` (with the same store URL).</source>
        <translation>La base {url} est au schéma {revision}&#xa0;; cette version de CampSync nécessite {head}. Un administrateur la met à niveau avec `{command}` (avec la même URL de base).</translation>
    </message>
    <message>
        <source>The store {url} has no CampSync tables yet; this CampSync needs {head}. An admin upgrades it with `{command}` (with the same store URL).</source>
        <translation>La base {url} n&apos;a pas encore de tables CampSync&#xa0;; cette version de CampSync nécessite {head}. Un administrateur la met à niveau avec `{command}` (avec la même URL de base).</translation>
    </message>
    <message>
        <source>CampSync cannot reach the store {url}: {problem}</source>
        <translation>CampSync ne peut pas joindre la base {url}&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>StoreUrl</name>
    <message>
        <source>(a malformed URL)</source>
        <translation>(une URL mal formée)</translation>
    </message>
    <message>
        <source>{where} is not a database URL. Write it as {forms}.</source>
        <translation>{where} n&apos;est pas une URL de base de données. Écrivez-la sous la forme {forms}.</translation>
    </message>
    <message>
        <source>{where} ({url}) names no file: write it as sqlite:///PATH (four slashes for an absolute path: sqlite:////home/me/campsync.db).</source>
        <translation>{where} ({url}) ne désigne aucun fichier&#xa0;: écrivez-la sous la forme sqlite:///PATH (quatre barres obliques pour un chemin absolu&#xa0;: sqlite:////home/me/campsync.db).</translation>
    </message>
    <message>
        <source>{where} ({url}) names no database: add /DATABASE after the host.</source>
        <translation>{where} ({url}) ne désigne aucune base de données&#xa0;: ajoutez /DATABASE après l&apos;hôte.</translation>
    </message>
    <message>
        <source>{where} ({url}) is not a database CampSync can use: it takes {forms}.</source>
        <translation>{where} ({url}) n&apos;est pas une base de données utilisable par CampSync&#xa0;: il accepte {forms}.</translation>
    </message>
    <message>
        <source>{file} is not valid TOML ({problem}). Fix or remove it.</source>
        <translation>{file} n&apos;est pas du TOML valide ({problem}). Corrigez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({problem}).</source>
        <translation>{file} ne peut pas être lu ({problem}).</translation>
    </message>
    <message>
        <source>{key} in {file} must be a URL in quotes, like {key} = &quot;{forms}&quot;.</source>
        <translation>{key} dans {file} doit être une URL entre guillemets, comme {key} = &quot;{forms}&quot;.</translation>
    </message>
    <message>
        <source>{key} in {file}</source>
        <translation>{key} dans {file}</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>the prerequisite solution {solution} is not installed in the org</source>
        <translation>la solution prérequise {solution} n&apos;est pas installée dans l&apos;organisation</translation>
    </message>
    <message>
        <source>the prerequisite solution {solution} is at {version}, older than the required {minimum}</source>
        <translation>la solution prérequise {solution} est en version {version}, antérieure à la version requise {minimum}</translation>
    </message>
    <message>
        <source>could not check the prerequisite solution: {problem}</source>
        <translation>impossible de vérifier la solution prérequise&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the campaign was deleted in Dynamics before this action ran</source>
        <translation>la campagne a été supprimée dans Dynamics avant l&apos;exécution de cette action</translation>
    </message>
    <message>
        <source>campaign {campaign} became inactive in Dynamics before this action ran</source>
        <translation>la campagne {campaign} est devenue inactive dans Dynamics avant l&apos;exécution de cette action</translation>
    </message>
    <message>
        <source>campaign sync was disabled before this action ran</source>
        <translation>la synchronisation des campagnes a été désactivée avant l&apos;exécution de cette action</translation>
    </message>
    <message>
        <source>CampSync&apos;s list {name} is locked in Dynamics: {problem}</source>
        <translation>la liste CampSync {name} est verrouillée dans Dynamics&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>CampSync&apos;s list {name} is inactive in Dynamics: {problem}</source>
        <translation>la liste CampSync {name} est inactive dans Dynamics&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>not a member through CampSync&apos;s list</source>
        <translation>pas membre par la liste de CampSync</translation>
    </message>
    <message>
        <source>CampSync&apos;s list was deleted in Dynamics; nothing left to remove</source>
        <translation>la liste de CampSync a été supprimée dans Dynamics&#xa0;; plus rien à supprimer</translation>
    </message>
    <message>
        <source>the lead {id} was deleted in Dynamics; nothing left to remove</source>
        <translation>le lead {id} a été supprimé dans Dynamics&#xa0;; plus rien à supprimer</translation>
    </message>
    <message>
        <source>the contact {id} was deleted in Dynamics; nothing left to remove</source>
        <translation>le contact {id} a été supprimé dans Dynamics&#xa0;; plus rien à supprimer</translation>
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
        <source>draw membership chart</source>
        <translation>dessiner le graphique des membres</translation>
    </message>
    <message>
        <source>draw events chart</source>
        <translation>dessiner le graphique des événements</translation>
    </message>
    <message>
        <source>the store is not answering ({reason}); nothing queued is lost, try again once it answers</source>
        <translation>la base ne répond pas ({reason})&#xa0;; rien de ce qui est en file d&apos;attente n&apos;est perdu, réessayez dès qu&apos;elle répond</translation>
    </message>
</context>
<context>
    <name>TeamLog</name>
    <message>
        <source>export the team&apos;s key on a node that writes the log (`campsync log-key --export FILE`) and import it here (`campsync log-key --import FILE`, or set CAMPSYNC_LOG_KEY_FILE to it)</source>
        <translation>exportez la clé de l&apos;équipe sur un nœud qui écrit le journal (`campsync log-key --export FILE`) et importez-la ici (`campsync log-key --import FILE`, ou indiquez-la dans CAMPSYNC_LOG_KEY_FILE)</translation>
    </message>
    <message>
        <source>the team&apos;s trigger log is keyed, and this node does not have the key, so nothing is recorded here until it does: {hint}</source>
        <translation>le journal des déclencheurs de l&apos;équipe est signé avec une clé que ce nœud n&apos;a pas, donc rien n&apos;est enregistré ici tant qu&apos;il ne l&apos;a pas&#xa0;: {hint}</translation>
    </message>
    <message>
        <source>this node&apos;s log key ({id}, from {source}) is not the one the team&apos;s trigger log is keyed with, so nothing is recorded here until it is: {hint}</source>
        <translation>la clé du journal de ce nœud ({id}, depuis {source}) n&apos;est pas celle avec laquelle le journal des déclencheurs de l&apos;équipe est signé, donc rien n&apos;est enregistré ici tant que ce n&apos;est pas le cas&#xa0;: {hint}</translation>
    </message>
</context>
<context>
    <name>TeamPresence</name>
    <message>
        <source>window</source>
        <translation>fenêtre</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>worker</translation>
    </message>
    <message>
        <source>command</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>{who} ({face})</source>
        <translation>{who} ({face})</translation>
    </message>
    <message>
        <source>Team: nobody else connected</source>
        <translation>Équipe&#xa0;: personne d&apos;autre n&apos;est connecté</translation>
    </message>
    <message>
        <source>Team: you + {others}</source>
        <translation>Équipe&#xa0;: vous + {others}</translation>
    </message>
    <message>
        <source>{n} other</source>
        <translation>{n} autre</translation>
    </message>
    <message>
        <source>{n} others</source>
        <translation>{n} autres</translation>
    </message>
</context>
<context>
    <name>Tls</name>
    <message>
        <source>CA bundle not found: {path} (check CAMPSYNC_CA_BUNDLE)</source>
        <translation>Bundle d&apos;autorités de certification introuvable&#xa0;: {path} (vérifiez CAMPSYNC_CA_BUNDLE)</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>aucun hôte</translation>
    </message>
    <message>
        <source>extra CA {file} trusted for {hosts} (not for {microsoft}: Microsoft&apos;s hosts are checked against the system&apos;s CAs only)</source>
        <translation>autorité de certification supplémentaire {file} approuvée pour {hosts} (pas pour {microsoft}&#xa0;: les hôtes de Microsoft ne sont vérifiés qu&apos;avec les autorités de certification du système)</translation>
    </message>
    <message>
        <source>extra CA {file} trusted for {hosts}</source>
        <translation>autorité de certification supplémentaire {file} approuvée pour {hosts}</translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>Sign-in tokens are kept in a plain file readable only by you: {path} (no encrypted store on this system: {reason}).</source>
        <translation>Les jetons de connexion sont conservés dans un fichier non chiffré lisible par vous seul&#xa0;: {path} (aucun stockage chiffré sur ce système&#xa0;: {reason}).</translation>
    </message>
    <message>
        <source>Sign-in tokens are kept in memory only, so you sign in again next time: this system has no encrypted store for them ({reason}). To keep them in a file readable only by you, set {variable}=1.</source>
        <translation>Les jetons de connexion ne sont conservés qu&apos;en mémoire, vous devrez donc vous reconnecter la prochaine fois&#xa0;: ce système n&apos;a pas de stockage chiffré pour eux ({reason}). Pour les conserver dans un fichier lisible par vous seul, définissez {variable}=1.</translation>
    </message>
    <message>
        <source>Sign-in tokens are kept in memory only, so you sign in again next time.</source>
        <translation>Les jetons de connexion ne sont conservés qu&apos;en mémoire, vous devrez donc vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>msal-extensions is not installed</source>
        <translation>msal-extensions n&apos;est pas installé</translation>
    </message>
    <message>
        <source>libsecret and PyGObject are not available</source>
        <translation>libsecret et PyGObject ne sont pas disponibles</translation>
    </message>
    <message>
        <source>the system&apos;s secret store failed: {problem}</source>
        <translation>le stockage de secrets du système a échoué&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>TriggerRow</name>
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
        <source>Remove trigger</source>
        <translation>Supprimer le déclencheur</translation>
    </message>
    <message>
        <source>Trigger type</source>
        <translation>Type de déclencheur</translation>
    </message>
    <message>
        <source>Changed field</source>
        <translation>Champ modifié</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>Type d&apos;activité</translation>
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
    <message>
        <source>an event changed, inserted, removed or moved anywhere in the log</source>
        <translation>un événement modifié, inséré, supprimé ou déplacé n&apos;importe où dans le journal</translation>
    </message>
    <message>
        <source>the newest events removed, or every event removed, even when the chain head in the store was changed to match (the head file outside the store, signed with the log key, still records them)</source>
        <translation>les événements les plus récents supprimés, ou tous les événements supprimés, même si la tête de chaîne dans la base a été modifiée en conséquence (le fichier de tête hors de la base, signé avec la clé du journal, les consigne encore)</translation>
    </message>
    <message>
        <source>hashes recomputed after a change by anyone who does not hold the log key</source>
        <translation>des empreintes recalculées après une modification par quiconque ne détient pas la clé du journal</translation>
    </message>
    <message>
        <source>a head file that is missing, changed, or signed with another key</source>
        <translation>un fichier de tête absent, modifié ou signé avec une autre clé</translation>
    </message>
    <message>
        <source>a rewrite by someone who holds the log key (who can read the keyring entry or the key file): they can sign changed events and a new head file</source>
        <translation>une réécriture par quelqu&apos;un qui détient la clé du journal (qui peut lire l&apos;entrée du trousseau ou le fichier de clé)&#xa0;: il peut signer des événements modifiés et un nouveau fichier de tête</translation>
    </message>
    <message>
        <source>the store and its head file put back together to an earlier copy, or both deleted (a restored backup looks like an intact, shorter log; a deleted one like a new store): compare with the head recorded in an earlier export (`campsync log --export`)</source>
        <translation>la base et son fichier de tête remis ensemble à une copie antérieure, ou tous deux supprimés (une sauvegarde restaurée ressemble à un journal intact et plus court&#xa0;; une base supprimée à une nouvelle base)&#xa0;: comparez avec la tête consignée dans un export antérieur (`campsync log --export`)</translation>
    </message>
    <message>
        <source>with the key file beside the store (no system keyring), a change by anyone who can read the data folder</source>
        <translation>avec le fichier de clé à côté de la base (sans trousseau système), une modification par quiconque peut lire le dossier des données</translation>
    </message>
    <message>
        <source>a change to events written before the log was keyed (older CampSync versions) made before this version first wrote to the store: those events are checked as a plain hash chain</source>
        <translation>une modification d&apos;événements écrits avant que le journal soit signé avec une clé (anciennes versions de CampSync), faite avant la première écriture de cette version dans la base&#xa0;: ces événements sont vérifiés comme une simple chaîne d&apos;empreintes</translation>
    </message>
    <message>
        <source>events that were never written: CampSync stopped before recording what Dynamics confirmed</source>
        <translation>des événements jamais écrits&#xa0;: CampSync s&apos;est arrêté avant d&apos;enregistrer ce que Dynamics a confirmé</translation>
    </message>
    <message>
        <source>the log cannot be checked: {problem}</source>
        <translation>le journal ne peut pas être vérifié&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>event {id} does not follow the event before it (a row was removed or inserted)</source>
        <translation>l&apos;événement {id} ne suit pas l&apos;événement précédent (une ligne a été supprimée ou insérée)</translation>
    </message>
    <message>
        <source>event {id} and those after it are keyed, but the log key was not found (looked in {places}): they cannot be checked</source>
        <translation>l&apos;événement {id} et les suivants sont signés avec une clé, mais la clé du journal est introuvable (recherchée dans {places})&#xa0;: ils ne peuvent pas être vérifiés</translation>
    </message>
    <message>
        <source>event {id} was changed after it was written, or moved (its hash does not match the log key)</source>
        <translation>l&apos;événement {id} a été modifié après son écriture, ou déplacé (son empreinte ne correspond pas à la clé du journal)</translation>
    </message>
    <message>
        <source>event {id} was changed after it was written (it is not keyed, though events before it are)</source>
        <translation>l&apos;événement {id} a été modifié après son écriture (il n&apos;est pas signé avec la clé, alors que les événements précédents le sont)</translation>
    </message>
    <message>
        <source>event {id} was changed after it was written</source>
        <translation>l&apos;événement {id} a été modifié après son écriture</translation>
    </message>
    <message>
        <source>the newest events were removed (the chain head is ahead of the log)</source>
        <translation>les événements les plus récents ont été supprimés (la tête de chaîne est en avance sur le journal)</translation>
    </message>
    <message>
        <source>the chain head in the store counts {head} events but the log holds {count}: events were removed or added outside CampSync</source>
        <translation>la tête de chaîne dans la base compte {head} événements mais le journal en contient {count}&#xa0;: des événements ont été supprimés ou ajoutés hors de CampSync</translation>
    </message>
    <message>
        <source>the first {count} events were written before the log was keyed: they are checked as a plain hash chain, which anyone who could write the store could recompute, up to the first keyed event</source>
        <translation>les {count} premiers événements ont été écrits avant que le journal soit signé avec une clé&#xa0;: ils sont vérifiés comme une simple chaîne d&apos;empreintes, que quiconque pouvant écrire dans la base pourrait recalculer, jusqu&apos;au premier événement signé</translation>
    </message>
    <message>
        <source>the first {count} events were written before the log was keyed: they are checked as a plain hash chain, which anyone who could write the store could recompute</source>
        <translation>les {count} premiers événements ont été écrits avant que le journal soit signé avec une clé&#xa0;: ils sont vérifiés comme une simple chaîne d&apos;empreintes, que quiconque pouvant écrire dans la base pourrait recalculer</translation>
    </message>
    <message>
        <source>{events}, chain intact</source>
        <translation>{events}, chaîne intacte</translation>
    </message>
    <message>
        <source>{n} trigger event</source>
        <translation>{n} événement de déclencheur</translation>
    </message>
    <message>
        <source>{n} trigger events</source>
        <translation>{n} événements de déclencheur</translation>
    </message>
    <message>
        <source>the log is not keyed yet (nothing written since this version): without a log key and a head file, events removed from the end cannot be found</source>
        <translation>le journal n&apos;est pas encore signé avec une clé (rien d&apos;écrit depuis cette version)&#xa0;: sans clé du journal ni fichier de tête, les événements supprimés à la fin ne peuvent pas être détectés</translation>
    </message>
    <message>
        <source>the log key was not found ({problem}; looked in {places})</source>
        <translation>la clé du journal est introuvable ({problem}&#xa0;; recherchée dans {places})</translation>
    </message>
    <message>
        <source>no event has been written with the log key yet</source>
        <translation>aucun événement n&apos;a encore été écrit avec la clé du journal</translation>
    </message>
    <message>
        <source>this node has not written to the team&apos;s log yet, so it keeps no head file: every event&apos;s keyed hash was checked; events removed from the end are found from the nodes that wrote them (their head files)</source>
        <translation>ce nœud n&apos;a pas encore écrit dans le journal de l&apos;équipe, il n&apos;a donc pas de fichier de tête&#xa0;: l&apos;empreinte signée de chaque événement a été vérifiée&#xa0;; les événements supprimés à la fin sont détectés par les nœuds qui les ont écrits (leurs fichiers de tête)</translation>
    </message>
    <message>
        <source>{problem}: it is written with every event once the log is keyed, so the log may have been emptied or replaced</source>
        <translation>{problem}&#xa0;: il est écrit à chaque événement une fois le journal signé avec une clé, le journal a donc peut-être été vidé ou remplacé</translation>
    </message>
    <message>
        <source>the head file says events are keyed from event {head} on, the log from {log} on: keyed events were rewritten as older, unkeyed ones</source>
        <translation>le fichier de tête indique des événements signés à partir de l&apos;événement {head}, le journal à partir de {log}&#xa0;: des événements signés ont été réécrits comme d&apos;anciens événements non signés</translation>
    </message>
    <message>
        <source>the head file records {head} events, the log holds {count}: the newest events were removed (and the chain head in the store changed to match)</source>
        <translation>le fichier de tête consigne {head} événements, le journal en contient {count}&#xa0;: les événements les plus récents ont été supprimés (et la tête de chaîne dans la base modifiée en conséquence)</translation>
    </message>
    <message>
        <source>the newest event is not the one the head file records: events were replaced</source>
        <translation>l&apos;événement le plus récent n&apos;est pas celui que consigne le fichier de tête&#xa0;: des événements ont été remplacés</translation>
    </message>
    <message>
        <source>event {id} of the log is not the one the head file records: events were replaced</source>
        <translation>l&apos;événement {id} du journal n&apos;est pas celui que consigne le fichier de tête&#xa0;: des événements ont été remplacés</translation>
    </message>
    <message>
        <source>the head file records the first {head} events: the newest {newer} were written after it was last updated (by another node of a team&apos;s store, or after a CampSync process stopped in between); the next write here updates it</source>
        <translation>le fichier de tête consigne les {head} premiers événements&#xa0;: les {newer} plus récents ont été écrits après sa dernière mise à jour (par un autre nœud d&apos;une base d&apos;équipe, ou après l&apos;arrêt d&apos;un processus CampSync entre-temps)&#xa0;; la prochaine écriture ici le met à jour</translation>
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
        <source>Events chart</source>
        <translation>Graphique des événements</translation>
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
<context>
    <name>Workspace</name>
    <message>
        <source>Not connected: missing {settings}. Add a profile with `campsync profile add`, or export the variables printed by `campsync sandbox`.</source>
        <translation>Non connecté&#xa0;: il manque {settings}. Ajoutez un profil avec `campsync profile add`, ou exportez les variables affichées par `campsync sandbox`.</translation>
    </message>
    <message>
        <source>Could not refresh from Dynamics now ({problem}); it will be refreshed on the next sync.</source>
        <translation>Impossible d&apos;actualiser depuis Dynamics maintenant ({problem})&#xa0;; l&apos;actualisation aura lieu à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Refreshed {count} campaigns and CampSync&apos;s list links from Dynamics.</source>
        <translation>{count} campagnes et les liens des listes de CampSync ont été actualisés depuis Dynamics.</translation>
    </message>
    <message>
        <source>not finished: {problem} (campsync retry continues it)</source>
        <translation>non terminé&#xa0;: {problem} (campsync retry le reprend)</translation>
    </message>
    <message>
        <source>still queued</source>
        <translation>toujours en file d&apos;attente</translation>
    </message>
</context>
</TS>
