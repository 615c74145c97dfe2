"""Word lists for the personal-data guard (handlers/privacy/pii.py), kept apart for review.

Topic patterns are written folded (lower case, no accents: see
handlers.privacy.pii.fold) as small regular
expressions, matched on word boundaries. A topic only counts when the same sentence also points
at a person (ANCHOR_PATTERN or a detected name): "la politique de santé publique" is ordinary
administrative text, "mon collègue est en arrêt maladie" is health data about someone.

Review rule: a pattern goes in a category only if, said about an identified or identifiable
person, it reveals data of GDPR article 9 (health, religion, political opinion, union
membership, racial or ethnic origin, sex life or orientation, genetic or biometric data) or of
article 10 (offences, convictions, security measures).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# GDPR article 9 and 10 topics ----------------------------------------------------------

# category -> folded patterns (case-insensitive, accent-insensitive).
TOPIC_PATTERNS: dict[str, tuple[str, ...]] = {
    "sante": (
        r"cancers?",
        r"cancereu(?:x|se)s?",
        r"tumeurs?",
        r"leucemie",
        r"lymphome",
        r"metastases?",
        r"chimio(?:therapie)?",
        r"radiotherapie",
        r"dialyse",
        r"diabet(?:e|ique)s?",
        r"seropositi(?:f|ve)s?",
        r"sida",
        r"hepatite",
        r"sclerose en plaques",
        r"(?:maladie d')?alzheimer",
        r"(?:maladie de )?parkinson",
        r"epilep(?:sie|tique)s?",
        r"depressi(?:on|f|ve)s?",
        r"burn[- ]?out",
        r"schizophren(?:ie|e)s?",
        r"bipolaires?",
        r"troubles? (?:psychiques?|psychiatriques?|mentaux|bipolaires?|anxieux"
        r"|du spectre autistique)",
        r"autis(?:me|tes?)",
        r"anorexi(?:e|que)s?",
        r"boulimi(?:e|que)s?",
        r"addictions?",
        r"alcoolis(?:me|ee?s?)",
        r"alcooliques?",
        r"toxicoman(?:ie|es?)",
        r"infarctus",
        r"asthm(?:e|atiques?)",
        r"allergiques?",
        r"handicap(?:ee?s?)?",
        r"invalidite",
        r"inaptitude medicale",
        r"inapte (?:a|au|aux|pour) (?:son|ses|tout|toutes|l'exercice)",
        r"arrets? (?:maladie|de travail)",
        r"conges? (?:de )?(?:longue|grave) maladie",
        r"conges? (?:de )?longue duree",
        r"conges? maladie",
        r"maladie professionnelle",
        r"accident (?:du travail|de service)",
        r"temps partiel therapeutique",
        r"mi-temps therapeutique",
        r"hospitalise(?:e|s|es)?",
        r"hospitalisation",
        r"(?:a ete|sera|doit etre|va etre|s'est fait|se fait|se faire) operee?",
        r"(?:operation|intervention) chirurgicale",
        r"enceinte de (?:\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf) (?:mois|semaines)",
        r"(?:est|suis|etait|etre|tombee) enceinte",
        r"grossesse",
        r"fausse couche",
        r"antidepresseurs?",
        r"anxiolytiques?",
        r"psychiatre",
        r"psychiatrique",
        r"suivi(?:e)? par (?:un|une) (?:psychiatre|psychologue|medecin|oncologue|cardiologue)",
        r"certificat medical",
        r"dossier medical",
        r"diagnostique(?:e)? (?:d'un|d'une|avec)",
        r"diagnostic (?:de|d'un|d'une)",
        r"atteinte? (?:d'une?|de la|du|de) (?:maladie|cancer|trouble|handicap|syndrome"
        r"|affection|pathologie|forme|sclerose|diabete|tumeur|leucemie|depression)",
        r"souffre (?:d'une?|de|du|des) (?:maladie|troubles?|handicap|syndrome|affection"
        r"|pathologie|douleurs?|depression|migraines?|mal de dos|hernie)",
        r"(?:a|ont|avait|eu|attrape|positif au|positive au) (?:le )?covid(?:-19)?",
        r"malvoyant(?:e)?",
        r"sourde?",
        r"fauteuil roulant",
        r"rqth",
        r"reconnaissance de la qualite de travailleur handicape",
    ),
    "religion": (
        r"musulman(?:e|s|es)?",
        r"chretien(?:ne|s|nes)?",
        r"catholiques?",
        r"protestant(?:e|s|es)?",
        r"evangeliques?",
        r"jui(?:f|ve|fs|ves)",
        r"judaisme",
        r"islam",
        r"bouddhistes?",
        r"hindou(?:e|s|es)?",
        r"athee?s?",
        r"pratiquant(?:e|s|es)?",
        r"converti(?:e|s|es)? (?:a l'islam|au (?:catholicisme|judaisme|christianisme"
        r"|protestantisme|bouddhisme))",
        r"croyant(?:e|s|es)?",
        r"(?:sa|ses|son|leur|leurs) (?:religion|confession|foi|croyances?)",
        r"appartenance religieuse",
        r"convictions? religieuses?",
        r"porte (?:le|un) (?:voile|foulard)",
        r"voile islamique",
        r"kippa",
        r"ramadan",
        r"careme",
        r"shabbat",
        r"temoins? de jehovah",
        r"mosquee",
        r"synagogue",
        r"la messe",
    ),
    "opinion_politique": (
        r"opinions? politiques?",
        r"convictions? politiques?",
        r"engagement politique",
        r"militant(?:e|s|es)? (?:politique|au|du|de la|chez|pour|ecologiste|communiste)",
        r"adherent(?:e|s|es)? (?:d'un|au|du) parti",
        r"encarte(?:e|s|es)?",
        r"sympathisant(?:e|s|es)?",
        r"vot(?:e|ait|era|erait) (?:a gauche|a droite|a l'extreme (?:droite|gauche))",
        r"extreme[- ](?:droite|gauche)",
        r"rassemblement national",
        r"france insoumise",
        r"parti socialiste",
        r"parti communiste",
        r"les republicains",
        r"ecologistes?",
        r"communistes?",
        r"anarchistes?",
        r"royalistes?",
        r"gilets jaunes",
        r"(?:ses|sa|son|leurs?) (?:idees|positions) politiques",
    ),
    "syndicat": (
        r"syndique(?:e|s|es)?",
        r"syndicaliste",
        r"delegue(?:e)? syndica(?:l|le)",
        r"representant(?:e)? syndica(?:l|le)",
        r"militant(?:e)? syndica(?:l|le)",
        r"mandat syndical",
        r"decharge (?:d'activite )?syndicale",
        r"appartenance syndicale",
        r"adherent(?:e|s|es)? (?:a la|de la|du|au|a) (?:cgt|cfdt|fo|unsa|sud|fsu|cftc"
        r"|cfe-cgc|solidaires)",
        r"force ouvriere",
    ),
    "origine": (
        r"origine ethnique",
        r"origines? (?:ethniques?|raciales?)",
        r"d'origine (?:maghrebine|africaine|asiatique|arabe|juive|rom|turque|algerienne"
        r"|marocaine|tunisienne|senegalaise|malienne|chinoise|vietnamienne|antillaise"
        r"|comorienne|ivoirienne|congolaise|camerounaise|etrangere)",
        r"origines? (?:maghrebines?|africaines?|asiatiques?|arabes?|etrangeres?)",
        r"maghrebin(?:e|s|es)?",
        r"ethnies?",
        r"raciale?s?",
        r"couleur de (?:sa|la) peau",
        r"metis(?:se|ses)?",
        r"tsigane?s?",
        r"gitan(?:e|s|es)?",
        r"gens du voyage",
    ),
    "vie_sexuelle": (
        r"homosexuel(?:le|s|les)?",
        r"heterosexuel(?:le|s|les)?",
        r"bisexuel(?:le|s|les)?",
        r"lesbiennes?",
        r"gays?",
        r"transgenres?",
        r"orientation sexuelle",
        r"vie sexuelle",
        r"identite de genre",
        r"transition de genre",
        r"changement de sexe",
        r"relations? sexuelles?",
        r"liaison (?:amoureuse|extraconjugale)",
        r"infidelite",
        r"adultere",
        r"lgbt(?:qi?\+?)?",
        r"coming[- ]out",
    ),
    "genetique_biometrie": (
        r"donnees? genetiques?",
        r"tests? genetiques?",
        r"analyse genetique",
        r"maladie genetique",
        r"(?:test|analyse|prelevement|profil|echantillon|empreinte)s? (?:adn|genetiques?)",
        r"genome",
        r"caryotype",
        r"empreintes? (?:digitales?|vocales?|palmaires?)",
        r"reconnaissance faciale",
        r"donnees? biometriques?",
        r"gabarit biometrique",
        r"scan de l'iris",
    ),
    "infraction": (
        r"casier judiciaire",
        r"bulletin n ?[°o]? ?(?:1|2|3) du casier",
        r"condamne(?:e|s|es)?",
        r"condamnations?",
        r"peines? (?:de prison|d'emprisonnement|de sursis)",
        r"emprisonnement",
        r"prison",
        r"incarcere(?:e|s|es)?",
        r"incarceration",
        r"(?:le|la|un|une|ce|cet|cette|des|les) detenu(?:e|s|es)?",
        r"garde a vue",
        r"mise? en examen",
        r"(?:le|la|un|une|du|des) prevenu(?:e|s|es)?",
        r"(?:avec|de) sursis",
        r"sursis probatoire",
        r"travail d'interet general",
        r"bracelet electronique",
        r"controle judiciaire",
        r"poursuivi(?:e|s|es)? pour",
        r"recidiv(?:e|iste)s?",
        r"delits?",
        r"crimes?",
        r"commis (?:un|une|des) (?:infraction|delit|crime|vol|agression)",
        r"vols? (?:a l'etalage|avec violence|de vehicule)",
        r"viol",
        r"agression sexuelle",
        r"escroquerie",
        r"violences conjugales",
        r"stupefiants",
        r"conduite en etat (?:d'ivresse|alcoolique)",
        r"plainte (?:contre|deposee contre|pour)",
        r"porte plainte contre",
        r"fiche s",
        r"fijais",
        r"juge d'application des peines",
    ),
}

# Acronyms matched on the original text, case-sensitive ("SUD" the union, not "le sud").
TOPIC_ACRONYMS: dict[str, tuple[str, ...]] = {
    "sante": ("VIH", "AVC", "IVG", "RQTH", "CLM", "CLD", "TMS"),
    "syndicat": ("CGT", "CFDT", "FO", "UNSA", "SUD", "FSU", "CFTC", "CFE-CGC"),
    "opinion_politique": ("RN", "LFI", "EELV", "NPA", "PCF"),
    "infraction": ("TIG", "FIJAIS", "FPR", "TAJ"),
}

# Acronyms that only count with a membership word next to them: "la CGT a déposé un préavis"
# is news, "il est adhérent de la CGT" is union membership.
ACRONYMS_NEED_MEMBERSHIP = frozenset({"syndicat", "opinion_politique"})
MEMBERSHIP_PATTERN = (
    r"(?:adherent|adhere|membre|encarte|militant|milite|vote|syndique|delegue|elu|elue|"
    r"representant|sympathisant|proche)"
)

# Words that make a sentence about a person: possessives, personal pronouns, a person
# designated in the singular. Folded form. ("il" only where it is not impersonal.)
ANCHOR_PATTERN = (
    r"(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|votre|leur|leurs|je|j'|me|m'|moi|elle|elles|lui|"
    r"il(?! (?:faut|y a|convient|s'agit|existe|importe|appartient|reste|suffit|semble|serait|"
    r"est (?:necessaire|possible|important|utile|indispensable|rappele|prevu|interdit|"
    r"obligatoire|recommande|conseille|question|temps)))|ils|"
    r"(?:l'|le |la |cet |cette |ce |un |une )(?:agent|agente|collegue|collaborateur|"
    r"collaboratrice|"
    r"salarie|salariee|fonctionnaire|contractuel|contractuelle|stagiaire|usager|usagere|"
    r"administre|administree|candidat|candidate|demandeur|demandeuse|requerant|requerante|"
    r"patient|patiente|interesse|interessee|beneficiaire|allocataire|eleve|etudiant|"
    r"etudiante|enfant|fils|fille|mari|epouse|femme|homme|personne concernee|redacteur|"
    r"redactrice|chef|cheffe|responsable|secretaire|adjoint|adjointe|voisin|voisine|"
    r"locataire|proprietaire|detenu|detenue|victime|mis en cause|prevenu|prevenue|titulaire|"
    r"postulant|postulante|retraite|retraitee|benevole|apprenti|apprentie))"
)

# People -------------------------------------------------------------------------------

CIVILITIES = (
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Monsieur", "Madame", "Mademoiselle",
    "Me", "Maître", "Maitre", "Dr", "Dr.", "Docteur", "Docteure", "Pr", "Pr.", "Professeur",
    "Professeure",
)  # fmt: skip

# Capitalised words after a civility that are functions, not names ("Monsieur le Préfet").
FUNCTION_WORDS = frozenset(
    words(
        """
    prefet prefete prefecture ministre maire president presidente directeur directrice
    secretaire general generale recteur rectrice depute deputee senateur senatrice conseiller
    conseillere sous-prefet sous-prefete juge procureur procureure commissaire commandant
    capitaine colonel general chef cheffe responsable delegue deleguee inspecteur inspectrice
    administrateur administratrice chancelier doyen doyenne premier premiere adjoint adjointe
    le la les l de du des
    """
    )
)

# Words that open a proper name but are places or institutions, not people: "lycée Jean
# Moulin", "avenue Jean Jaurès", "hôpital Georges Pompidou".
PLACE_WORDS = frozenset(
    words(
        """
    lycee college ecole universite institut fondation hopital centre clinique salle stade
    gymnase piscine mediatheque bibliotheque musee theatre prix rue avenue boulevard place
    allee quai pont gare station metro aeroport port residence square parc jardin cours
    impasse chemin route promenade esplanade cite caserne campus amphitheatre amphi batiment
    pavillon espace maison hotel rond-point tour prefecture mairie quartier boulevard bd av
    paquebot porte-avions navire promotion promo
    """
    )
)

# Second words that are not family names ("France Travail", "Marine nationale").
NOT_SURNAMES = frozenset(
    words(
        """
    travail services service competences emploi sante nationale national info connect
    numerique renovation identite education justice defense interieur culture sport sports
    terre air mer ville region departement etat republique ministere saint sainte
    lundi mardi mercredi jeudi vendredi samedi dimanche
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    """
    )
)

# Words that spaCy sometimes tags as people at the start of a sentence.
NOT_NAMES = frozenset(
    words(
        """
    bonjour bonsoir merci cordialement salut cher chere chers cheres madame monsieur
    mesdames messieurs objet re tr fw pj nb ps assistant ia albert tchap redige redigez
    ecris ecrivez resume resumez fais faites peux pouvez explique expliquez propose proposez
    donne donnez aide aidez traduis traduisez corrige corrigez reformule reformulez
    dossier dossiers projet projets note notes rapport rapports service bureau direction
    mission plan programme objet courrier courriel reunion comite commission conseil
    convention contrat marche appel operation dispositif fiche procedure document annexe
    article decret arrete loi circulaire code reglement guide charte agence ministere
    """
    )
)

# Common French first names (folded), used without spaCy: "Claire Martin", "Jean DUPONT".
# First names that are also ordinary words or places ("France", "Ange") are left out.
FIRST_NAMES = frozenset(
    words(
        """
    aaron abdel abdelkader abdallah adam adele adrien agathe agnes ahmed aicha alain alan
    albane albert alexandra alexandre alexis alice aline alix amandine amelie amine amir
    anais andre andrea angelique anne anne-laure anne-marie anne-sophie annick annie anthony
    antoine antonin arnaud arthur audrey augustin aurelie aurelien axel aya baptiste
    barbara bastien beatrice benedicte benjamin benoit bernadette bernard bertrand blanche
    brigitte bruno camille capucine carine carole caroline catherine cecile celia celine
    charles charlotte chantal christelle christian christiane christine christophe claire
    clara claude clemence clement cloe chloe colette coline corentin corinne cyril cyrille
    damien daniel daniele danielle david delphine denis denise didier dominique dylan
    edith edouard eleonore elisabeth elise elodie eloise emilie emile emma emmanuel
    emmanuelle enzo eric estelle ethan etienne eugenie eva evelyne fabien fabienne fabrice
    fanny farid fatima fatou florence florian francis franck francois francoise frederic
    frederique gabriel gabrielle gael gaelle gaspard genevieve georges gerard germaine
    ghislaine gilbert gilles ginette gisele gregoire gregory guillaume guy hamid hannah
    helene henri herve hugo hugues ibrahim ines irene isabelle jacqueline jacques jade
    jean jean-baptiste jean-claude jean-francois jean-luc jean-marc jean-marie jean-michel
    jean-paul jean-philippe jean-pierre jeanne jerome joel joelle johan jonathan jordan
    jose josette joseph josiane julie julien juliette justine karim karima kevin khadija
    laetitia lea leo leon leonie laura laure laurence laurent lina lionel lisa loic lou
    louis louise luc luca lucas lucie lucien lucile ludovic lydie madeleine magali malik
    manon marc marcel marceline marguerite maria marianne marie marie-claire marie-christine
    marie-france marie-helene marie-josee marie-pierre marine marion martin martine mathieu
    mathilde matthieu maurice maxime melanie melissa michel michele micheline mickael
    mireille mohamed mohammed monique morgane myriam nadia nadine nathalie nathan nicolas
    nicole noah noemie noel nora oceane odette odile olivier pascal pascale patrice
    patricia patrick paul paule pauline perrine philippe pierre pierre-yves quentin rachel
    rachid raphael raphaelle raymond regine remi renaud rene richard robert roger romain
    rose roselyne sabine sabrina salome samia samir samuel sandra sandrine sarah sebastien
    serge severine simon simone solene sophie stephane stephanie suzanne sylvain sylvie
    theo thibault thibaut thierry thomas timothee tristan valentin valerie vanessa veronique
    victor victoire vincent virginie xavier yann yannick yasmina yasmine yves yvette yvonne
    zoe
    """
    )
)

# Addresses -----------------------------------------------------------------------------

STREET_TYPES = (
    "rue", "avenue", "av.", "boulevard", "bd", "bld", "place", "impasse", "allée", "allee",
    "chemin", "route", "quai", "cours", "square", "passage", "cité", "cite", "résidence",
    "residence", "lotissement", "voie", "sentier", "hameau", "lieu-dit", "faubourg",
    "rond-point", "esplanade", "promenade", "villa", "parvis", "ruelle", "chaussée", "mail",
)  # fmt: skip

# Words before an address that make it the address of an office, not of a person.
INSTITUTION_WORDS = (
    r"(?:ministere|prefecture|sous-prefecture|mairie|hotel de ville|rectorat|tribunal|"
    r"cour|direction|agence|siege|caisse|caf|urssaf|cpam|france travail|service|services|"
    r"bureau|bureaux|locaux|antenne|guichet|administration|etablissement|universite|lycee|"
    r"college|ecole|hopital|chu|conseil|departement|region|academie|dreal|dreets|ddt|ddfip|"
    r"drfip|ars|insee|inspection|commissariat|gendarmerie|conservatoire|musee|bibliotheque|"
    r"archives|institut|centre|maison france services|espace france services|"
    r"immeuble|batiment|site|local|parcelle|terrain|entrepot|chantier)"
)

# Words before an address or a city that make it a person's home.
DOMICILE_WORDS = (
    r"(?:domicilie|domiciliee|domicilies|domicile|demeurant|demeure|habite|habitant|"
    r"habitante|reside|residant|residante|vit|vivant|adresse personnelle|son adresse|"
    r"sa residence|nouvelle adresse|adresse :|adresse postale|a emmenage|demenage)"
)

# Dates of birth ------------------------------------------------------------------------

BIRTH_TRIGGERS = (
    r"(?:nee?s?|ne\(e\)|nee?\(e\)) (?:le|en|au)|(?:nee?s?|ne\(e\)) a [\w' -]{1,40}? le|"
    r"date de naissance|date de naiss\.?|ddn|d\.d\.n\.|naissance ?:|anniversaire ?:?|"
    r"date et lieu de naissance"
)

# Contexts in which a 13-digit number without its key is a social security number.
NIR_CONTEXT = (
    r"(?:securite sociale|secu|nir|insee|n° ss|no ss|numero ss|num ss|carte vitale|"
    r"immatriculation)"
)

# Contexts in which a 14-digit number is a company's, not a payment card.
COMPANY_NUMBER_CONTEXT = r"(?:siret|siren|tva|rcs|naf|ape|finess|rna|uai)"
