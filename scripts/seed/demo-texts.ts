// The demo's words: project titles, organisation names, section texts, nominators' comments,
// screening evidence and jurors' comments, in English and French.
import type { Country, Lang } from "./demo-countries";

export const TITLES: Record<Lang, readonly string[]> = {
  en: [
    "Solar Classrooms: off-grid digital learning hubs for rural schools",
    "Carbon Literacy Online for secondary teachers",
    "GreenSchool Connect: a national platform for school sustainability projects",
    "Climate Stories: mobile storytelling for primary learners",
    "EcoRadio Lessons for pastoralist communities",
    "Open Climate Atlas for classrooms",
    "Seeds of Code: programming through school garden sensors",
    "Virtual Field Trips to endangered ecosystems",
    "Teachers for Tomorrow: a blended course on climate pedagogy",
    "The Water Detectives: citizen-science data for schools",
    "Low-bandwidth MOOCs on renewable energy for TVET students",
    "EcoMath: learning statistics with local climate data",
    "Mangrove Watch: drones and tablets for coastal school clubs",
    "Reuse, Repair, Learn: refurbished laptops and e-waste education",
    "Green Skills Passport for young people",
    "Climate Action Learning Lab on messaging apps",
    "Digital Eco-Schools Network",
    "Weather Stations in Every School",
    "SunPower Kits: hands-on renewable energy with online tutorials",
    "Greening the Curriculum: an open-textbook initiative",
    "Biodiversity Quest: a game-based learning app",
    "Farm to Tablet: digital agroecology lessons for rural youth",
    "Rivers of Data: sensor networks for river-basin education",
    "Zero-Waste Campus Online",
    "Net-Zero Schools Dashboard",
    "Climate Resilience Radio School",
    "OpenForest: virtual reality lessons on forest ecosystems",
    "Youth Climate Reporters: digital journalism for sustainability",
    "Eco-Literacy for Early Childhood on Tablets",
    "Green Coding Bootcamp for Girls",
    "Island Voices: climate education for small island communities",
    "Smart Irrigation Classroom for agricultural schools",
    "Air Quality Explorers: low-cost sensors in urban schools",
    "Sustainable Cities Simulator for secondary students",
    "The Climate Teacher Academy",
    "Plastic-Free Oceans: an interactive curriculum",
    "Desert Bloom: digital lessons on dryland restoration",
    "Energy Detectives: students audit their school’s energy use",
    "Indigenous Knowledge and Climate: a digital archive for schools",
    "Green TVET Online: e-learning for solar technicians",
    "Flood-Ready Schools: an offline learning continuity toolkit",
    "ClimateMOOC for teacher trainees",
    "EcoBadges: micro-credentials for sustainability competences",
    "Counting Trees with AI: a classroom citizen-science project",
    "Clean Cooking Science: mobile lessons for rural households",
    "Green Libraries Digital Corner",
    "Mountain Schools Climate Network",
    "Carbon Footprint Calculator for Schools",
    "Sign Language Climate Lessons for deaf learners",
    "Audio-described Nature: accessible environmental education",
    "Low-carbon EdTech: guidelines and training for schools",
    "The Green Teacher Podcast",
    "Heatwave Learning: adapting school calendars with data",
    "Ocean Literacy Portal",
    "Peer-to-Peer Climate Tutoring Network",
    "Sustainable Fashion Design Online for vocational students",
    "Community Solar Learning Centres",
    "Wildlife Monitoring with Camera Traps in Schools",
    "SDG 13 Open Course for Universities",
    "Green Entrepreneurship Online for Young Women",
    "Soil Health Lab on Smartphones",
    "Climate Change in Local Languages: a video library",
    "Digital Herbarium for Schools",
    "Eco-Innovation Challenge Platform",
    "Urban Heat Mapping by Students",
    "Rainwater Harvesting Through Augmented Reality",
    "Green Data Science for High Schools",
    "Cycle to School: mobility data in the classroom",
    "Coral Reef Classroom Live",
    "Solar Cookers and Science Videos for Girls’ Clubs",
    "Climate Justice Debates Online",
    "Seed Bank Schools: digital cataloguing of local crops",
    "Wetlands Explorers: a mobile field guide for learners",
    "Open Energy Lab for Rural Colleges",
    "The Green Homework Hotline",
    "Bee Counting Classrooms",
    "Youth Carbon Budget Simulator",
    "Sustainable Tourism e-Learning for Coastal Youth",
    "Glacier Watch: remote sensing for mountain schools",
    "Repair Café Academy Online",
  ],
  fr: [
    "Classes solaires : des centres d’apprentissage numérique hors réseau",
    "École verte connectée : une plateforme pour les projets durables des écoles",
    "Radio Climat : des leçons audio pour les zones rurales",
    "Les Sentinelles du littoral : tablettes et données côtières",
    "Éco-délégués numériques",
    "Le climat en langues nationales : une vidéothèque éducative",
    "Jardins connectés : programmer avec des capteurs",
    "Parcours de formation des enseignants à l’éducation au climat",
    "Mathématiques vertes : la statistique par les données climatiques",
    "Atlas numérique de la biodiversité scolaire",
    "Réparer pour apprendre : ordinateurs reconditionnés et déchets électroniques",
    "Énergie solaire au lycée professionnel : une formation en ligne",
    "Sahel vert : apprendre en ligne la restauration des terres",
    "Le Labo Climat : sciences participatives à l’école",
    "Océan et savoirs : un portail d’éducation à l’océan",
    "Compétences vertes pour les jeunes : un passeport numérique",
    "Forêts virtuelles : réalité virtuelle et écosystèmes forestiers",
    "La classe dehors, version numérique",
    "Agroécologie sur mobile pour les jeunes ruraux",
    "Écoles résilientes aux inondations : continuité pédagogique hors ligne",
    "Bibliothèques vertes numériques",
    "Le podcast des enseignants pour la planète",
    "Météo à l’école : stations connectées et données ouvertes",
    "Zéro déchet au campus : un MOOC interuniversitaire",
    "Cartographie citoyenne des îlots de chaleur",
    "Énergies renouvelables en classe : des kits et des tutoriels",
  ],
};

export interface OrgTemplate {
  type: { en: string; fr: string };
  en: (c: Country, city: string) => string;
  fr: (c: Country, city: string) => string;
}

export const ORG_TEMPLATES: readonly OrgTemplate[] = [
  {
    type: { en: "national NGO", fr: "ONG nationale" },
    en: (_c, city) => `${city} Green Schools Network`,
    fr: (_c, city) => `Réseau des écoles vertes de ${city}`,
  },
  {
    type: { en: "national NGO", fr: "ONG nationale" },
    en: (c) => `${c.en} Open Learning Foundation`,
    fr: (c) => `Fondation pour l’apprentissage ouvert (${c.fr})`,
  },
  {
    type: { en: "other national institution", fr: "autre institution nationale" },
    en: (_c, city) => `Institute for Climate Education, ${city}`,
    fr: (_c, city) => `Institut d’éducation au climat de ${city}`,
  },
  {
    type: { en: "other", fr: "autre" },
    en: (_c, city) => `${city} Teachers’ Digital Cooperative`,
    fr: (_c, city) => `Coopérative numérique des enseignants de ${city}`,
  },
  {
    type: { en: "other national institution", fr: "autre institution nationale" },
    en: (_c, city) => `${city} College of Education`,
    fr: (_c, city) => `École normale supérieure de ${city}`,
  },
  {
    type: { en: "national government", fr: "gouvernement national" },
    en: (c) => `Ministry of Education, ${c.en}`,
    fr: (c) => `Ministère de l’Éducation nationale (${c.fr})`,
  },
  {
    type: { en: "national NGO", fr: "ONG nationale" },
    en: (c) => `${c.en} Youth Climate Alliance`,
    fr: (c) => `Alliance des jeunes pour le climat (${c.fr})`,
  },
  {
    type: { en: "international NGO", fr: "ONG internationale" },
    en: (_c, city) => `EcoTech Learning Trust, ${city} office`,
    fr: (_c, city) => `EcoTech Apprentissage, bureau de ${city}`,
  },
];

export const SECTION_TEXT: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    objectives: [
      "Give every learner in the participating schools the knowledge and skills to understand climate change and act on it locally.",
      "Train teachers to integrate climate and sustainability topics into every subject using open digital resources.",
      "Connect schools with local environmental data so that learners investigate real problems in their community.",
      "Reduce the environmental footprint of schools while teaching learners how energy, water and waste systems work.",
    ],
    technology: [
      "An offline-first web application that synchronises when a connection is available; runs on low-cost Android tablets charged by solar panels.",
      "Short lessons delivered by SMS, interactive voice response and community radio, so that no smartphone or data plan is needed.",
      "Low-cost open-hardware sensors (temperature, air quality, soil moisture) feeding an open data platform used in class.",
      "A learning management system on refurbished laptops with a local server, hosting open educational resources under CC BY.",
    ],
    pedagogy: [
      "Project-based learning: learners formulate a question about their environment, collect data, and present solutions to the community.",
      "Teacher communities of practice meet online every month to co-design lessons and share classroom evidence.",
      "Game-based missions in which learners take the roles of farmers, engineers and mayors facing climate trade-offs.",
      "Flipped classroom: learners watch short videos at home or at a community hub, and class time is spent on experiments and debate.",
    ],
    inclusion: [
      "Content in three local languages; half of the participating schools are rural and more than half of the learners are girls.",
      "Materials meet accessibility standards (captions, screen readers, sign-language videos) and were tested with learners with disabilities.",
      "Works without internet and on basic phones, reaching displaced learners and remote communities.",
      "Free for all users; community hubs lend devices to learners who have none at home.",
    ],
    impact: [
      "An external evaluation found a significant gain in climate knowledge compared with schools not yet in the programme.",
      "Participating schools cut their electricity use and now run their own waste-sorting schemes led by learners.",
      "Teachers report more confidence in teaching climate topics; survey results are in the attached evaluation report.",
      "Learners’ projects have been adopted by local councils, including tree-planting and water-harvesting plans.",
    ],
    replicability: [
      "All resources are openly licensed and translated; two neighbouring regions have already adapted the programme.",
      "The Ministry of Education plans to integrate the teacher course into national in-service training.",
      "The platform is open source and documented, so other organisations can deploy it with modest technical support.",
      "A train-the-trainer model lets each cohort of teachers train the next one.",
    ],
    sustainability: [
      "Funded by the national education budget since 2022, with in-kind support from local partners.",
      "A mix of public funding and foundation grants secures the programme until 2026; devices are repaired locally.",
      "Run by volunteer teachers and a small core team; hosting costs are low thanks to the offline-first design.",
      "Embedded in the school improvement plans of the participating districts.",
    ],
  },
  fr: {
    objectives: [
      "Donner à chaque apprenant des écoles participantes les connaissances et compétences pour comprendre le changement climatique et agir localement.",
      "Former les enseignants à intégrer le climat et la durabilité dans toutes les disciplines grâce à des ressources numériques ouvertes.",
      "Relier les écoles aux données environnementales locales pour que les élèves enquêtent sur des problèmes réels de leur territoire.",
      "Réduire l’empreinte environnementale des écoles tout en enseignant le fonctionnement des systèmes d’énergie, d’eau et de déchets.",
    ],
    technology: [
      "Une application web conçue pour fonctionner hors ligne, synchronisée dès qu’une connexion est disponible, sur des tablettes à bas coût rechargées par panneaux solaires.",
      "Des leçons courtes diffusées par SMS, serveur vocal interactif et radio communautaire : ni smartphone ni forfait de données nécessaires.",
      "Des capteurs libres à bas coût (température, qualité de l’air, humidité du sol) alimentant une plateforme de données ouvertes utilisée en classe.",
      "Une plateforme d’apprentissage sur ordinateurs reconditionnés avec un serveur local, hébergeant des ressources éducatives libres sous CC BY.",
    ],
    pedagogy: [
      "Pédagogie de projet : les élèves formulent une question sur leur environnement, recueillent des données et présentent des solutions à la communauté.",
      "Des communautés de pratique d’enseignants se réunissent en ligne chaque mois pour concevoir ensemble des séquences.",
      "Des missions ludiques où les élèves jouent agriculteurs, ingénieurs et maires face aux arbitrages climatiques.",
      "Classe inversée : de courtes vidéos à la maison ou au centre communautaire, et le temps de classe consacré aux expériences et au débat.",
    ],
    inclusion: [
      "Contenus dans trois langues nationales ; la moitié des écoles participantes sont rurales et plus de la moitié des apprenants sont des filles.",
      "Ressources conformes aux normes d’accessibilité (sous-titres, lecteurs d’écran, vidéos en langue des signes), testées avec des élèves handicapés.",
      "Fonctionne sans internet et sur des téléphones simples, pour atteindre les apprenants déplacés et les communautés isolées.",
      "Gratuit pour tous ; des centres communautaires prêtent des équipements aux élèves qui n’en ont pas.",
    ],
    impact: [
      "Une évaluation externe constate un gain significatif de connaissances sur le climat par rapport aux écoles qui n’ont pas encore rejoint le programme.",
      "Les écoles participantes ont réduit leur consommation d’électricité et gèrent désormais leur propre tri des déchets, animé par les élèves.",
      "Les enseignants se disent plus à l’aise pour enseigner le climat ; les résultats de l’enquête figurent dans le rapport d’évaluation joint.",
      "Des projets d’élèves ont été repris par les communes, notamment des plans de plantation d’arbres et de récupération de l’eau de pluie.",
    ],
    replicability: [
      "Toutes les ressources sont sous licence libre et traduites ; deux régions voisines ont déjà adapté le programme.",
      "Le ministère prévoit d’intégrer le parcours enseignant à la formation continue nationale.",
      "La plateforme est libre et documentée : d’autres organisations peuvent la déployer avec un appui technique modeste.",
      "Un modèle de formation de formateurs permet à chaque promotion d’enseignants de former la suivante.",
    ],
    sustainability: [
      "Financé par le budget national de l’éducation depuis 2022, avec l’appui en nature de partenaires locaux.",
      "Un mélange de fonds publics et de subventions de fondations assure le programme jusqu’en 2026 ; les équipements sont réparés localement.",
      "Porté par des enseignants bénévoles et une petite équipe ; l’hébergement coûte peu grâce à la conception hors ligne.",
      "Inscrit dans les projets d’établissement des circonscriptions participantes.",
    ],
  },
};

export const SECTION_KEYS = [
  "background",
  "contact",
  "organisation",
  "objectives",
  "technology",
  "pedagogy",
  "inclusion",
  "impact",
  "replicability",
  "sustainability",
  "links",
] as const;

export const SCOPES: Record<Lang, readonly string[]> = {
  en: ["country", "region", "province", "district", "community", "school"],
  fr: ["pays", "région", "province", "district", "communauté", "école"],
};

export const NOMINATOR_COMMENTS: Record<"returned" | "declined" | "nominated", Record<Lang, readonly string[]>> = {
  returned: {
    en: [
      "Please add evidence that the project has been running for at least one year (for example your 2022 activity report) and send it back before our national deadline.",
      "The impact section needs figures: how many learners and teachers, and how was the change measured?",
      "Please attach the signed declaration that the project receives no UNESCO funding.",
    ],
    fr: [
      "Merci d’ajouter la preuve que le projet existe depuis au moins un an (par exemple le rapport d’activité 2022) et de nous renvoyer le dossier avant notre date limite nationale.",
      "La partie impact doit être chiffrée : combien d’apprenants et d’enseignants, et comment le changement a-t-il été mesuré ?",
    ],
  },
  declined: {
    en: [
      "Our selection committee has chosen three other candidatures for this edition.",
      "The project is valuable, but its link to greening education is too indirect for this year’s theme.",
      "Most features require a paid subscription; the call excludes freemium products.",
    ],
    fr: [
      "Notre comité de sélection a retenu trois autres candidatures pour cette édition.",
      "Le projet est intéressant, mais son lien avec le verdissement de l’éducation est trop indirect pour le thème de cette année.",
    ],
  },
  nominated: {
    en: [
      "Selected by our national committee among the candidatures received.",
      "A strong, well-evaluated project that fits the theme closely.",
    ],
    fr: [
      "Retenu par notre comité national parmi les candidatures reçues.",
      "Un projet solide, bien évalué et en prise directe avec le thème.",
    ],
  },
};

export const PASS_EVIDENCE: Record<string, readonly string[]> = {
  theme_relevance: [
    "Climate and sustainability learning is the core of the project.",
    "Digital resources on energy and biodiversity used in class; clearly on theme.",
  ],
  one_year: [
    "Activity reports for 2021 and 2022 attached.",
    "Running since 2020 according to the nomination letter and the annual report.",
  ],
  no_unesco_funding: [
    "Signed declaration attached; budget lists national and private funding only.",
    "Declaration signed by the director; no UNESCO funding in the budget annex.",
  ],
  free_of_charge: [
    "Open access, no registration fee; resources under CC BY.",
    "Free for schools and learners; no paid tier.",
  ],
};

export const FAIL_EVIDENCE: Record<string, string> = {
  no_unesco_funding: "The budget annex lists a 2022 grant from UNESCO’s Participation Programme for the pilot phase.",
  one_year: "The project started in September 2023, less than one year before the deadline of 5 February 2024.",
  free_of_charge:
    "Most of the platform’s features require a paid school licence; only a limited free tier is available (freemium).",
};

export const REVIEW_COMMENTS: Record<string, { high: string; mid: string; low: string }> = {
  appropriateness: {
    high: "Frugal technology that fits the connectivity and energy constraints well.",
    mid: "Reasonable choice of tools, but device costs are not discussed.",
    low: "The technology seems chosen for itself rather than for the learners’ context.",
  },
  pedagogy: {
    high: "Genuinely active, inquiry-based learning; learners produce real outputs.",
    mid: "Some active learning, though much of it is still content delivery.",
    low: "Mostly digitised lectures; little pedagogical innovation.",
  },
  inclusion: {
    high: "Deliberately designed for rural learners, girls and learners with disabilities.",
    mid: "Inclusion is mentioned, with few concrete measures.",
    low: "Reaches mainly well-equipped urban schools.",
  },
  impact: {
    high: "Convincing external evaluation with measured learning outcomes.",
    mid: "Usage figures are good; outcome evidence is thin.",
    low: "No evidence beyond anecdotes.",
  },
  replicability: {
    high: "Open licences and a documented model; already adapted elsewhere.",
    mid: "Could be replicated, but depends heavily on one funder.",
    low: "Hard to see how this would work outside its current setting.",
  },
};

export const OVERALL_COMMENTS = {
  high: [
    "A strong candidature that fits the theme very well; I would support it for the shortlist.",
    "Impressive scale and rigour; one of the best in my batch.",
  ],
  mid: [
    "A solid project with a clear theme fit, but the evidence of impact needs strengthening.",
    "Promising, though still close to a pilot; worth watching for a future edition.",
  ],
  low: [
    "Relevant intentions, but the application does not show what learners gained.",
    "The link to greening education is weak and the approach is conventional.",
  ],
};
