import { plural } from "./plural";

/**
 * The words of a child's growth page (/espace/carnet-enfant: its charts, tables, form and
 * notices), read by a guardian about the child. Its introduction is prevention.carnet.growthIntro.
 * The measures' names (growth-measures.ts) are the FHIR observations' text too, and the reference
 * curves' name (growth-reference.ts) stays beside its sources: both are filled in here.
 */
export const frGrowth = {
  growth: {
    title: "Carnet de santé : croissance",
    vaccinationLink: "Carnet de vaccination",
    certificateLink: "Certificat de vaccination imprimable",
    guardiansTitle: "Représentants légaux",
    ofAge:
      "{name} aura {age} ans le {date} : ce jour-là, votre accès à son espace prendra fin de lui-même, comme celui des proches invités dans cet espace, et {name} recevra un mois avant de quoi activer son propre compte.",
    // Code de la santé publique, art. L1111-5 (médecin, sage-femme) and R1111-6: a minor may ask that
    // care be kept secret from the holders of parental authority; agent-decision.ts hides it from
    // them (MINOR_SECRET). Said to every guardian, so it tells nothing about this child.
    minorSecret:
      "Comme la loi le permet, {name} peut demander à un médecin ou à une sage-femme de garder le secret sur certains soins : ce qui s'y rapporte n'apparaît pas dans son espace pour vous.",
    addTitle: "Ajouter une mesure",
    date: "Date de la mesure",
    numbersHint: "Remplissez ce que vous avez mesuré ce jour-là ; une virgule ou un point pour les décimales. L'IMC est calculé à partir du poids et de la taille.",
    weight: "Poids (kg)",
    height: "Taille (cm)",
    headCircumference: "Périmètre crânien (cm, facultatif)",
    add: "Ajouter au carnet",
    noReference: "Pas de courbe de référence : elle dépend du sexe et de l'âge, inconnus ou hors des courbes de l'enfance.",
    certificatesTitle: "Certificats de santé",
    noCertificates: "Aucun certificat dans les documents de cet espace.",
    addCertificate: "Ajouter un certificat aux documents",
    referenceNote:
      "Courbes de référence : {reference}. Les centiles situent une mesure parmi les enfants de même âge et de même sexe ; seul un professionnel de santé interprète une courbe.",
    /** One chart (growth-chart.tsx): its title and description, read in place of the image. */
    chart: {
      title: "{measure} selon l'âge",
      description: "Courbes de référence ({reference}), {sex}, centiles 3, 10, 25, 50, 75, 90 et 97, de {from} à {to}.",
      sex: { male: "garçons", female: "filles" },
      measures: plural({
        one: "{count} mesure ; la dernière : {value} {unit} à {age} ({centile}). Le tableau qui suit donne toutes les valeurs.",
        other: "{count} mesures ; la dernière : {value} {unit} à {age} ({centile}). Le tableau qui suit donne toutes les valeurs.",
      }),
      none: "Aucune mesure sur cette période.",
      ageAxis: "Âge (années)",
    },
    /** One chart's table (growth-table.tsx). */
    table: {
      empty: "Aucune mesure enregistrée.",
      caption: "{measure} : mesures, de la plus ancienne à la plus récente",
      date: "Date",
      age: "Âge",
      value: "{measure} ({unit})",
      centile: "Centile",
      enteredBy: "Saisie par",
      byProfessional: "un professionnel de santé",
      byFamily: "la famille",
    },
    /**
     * What the page says after the form was sent (?message=…, growth-notices.ts gives each its tone).
     * A refused value says what is wrong with it and what is expected, the bounds with their unit
     * (growth-measures.ts): « un nombre de kilos entre 0,3 et 250 » was said for « 18 kg » and for
     * « 1850 » alike, and « très éloignée de ce qui est possible » did not say which value.
     */
    notices: {
      ajoute: "La mesure a été ajoutée au carnet de santé.",
      vide: "Indiquez au moins une mesure : le poids, la taille ou le périmètre crânien.",
      date: "Cette date n'existe pas ou est incomplète : indiquez le jour, le mois et l'année de la mesure.",
      futur: "Cette date est dans le futur : indiquez le jour où l'enfant a été mesuré, aujourd'hui au plus tard.",
      naissance: "Cette date est avant la naissance de l'enfant : indiquez un jour entre sa naissance et aujourd'hui.",
      "poids-nombre": "Le poids doit être écrit en chiffres, sans l'unité : un nombre de kilogrammes entre 0,3 et 250 (par exemple 18,5).",
      poids: "Ce poids est hors des valeurs acceptées : il doit être entre 0,3 et 250 kg (par exemple 18,5 pour 18 kg et 500 g).",
      "poids-age": "Ce poids est très loin de ce qui est possible à l'âge qu'avait l'enfant ce jour-là : vérifiez qu'il est en kilogrammes et la place de la virgule.",
      "taille-nombre": "La taille doit être écrite en chiffres, sans l'unité : un nombre de centimètres entre 20 et 250 (par exemple 112,5).",
      taille: "Cette taille est hors des valeurs acceptées : elle doit être entre 20 et 250 cm (1,12 m s'écrit 112).",
      "taille-age": "Cette taille est très loin de ce qui est possible à l'âge qu'avait l'enfant ce jour-là : vérifiez qu'elle est en centimètres et la place de la virgule.",
      "perimetre-nombre": "Le périmètre crânien doit être écrit en chiffres, sans l'unité : un nombre de centimètres entre 15 et 75 (par exemple 48,5).",
      perimetre: "Ce périmètre crânien est hors des valeurs acceptées : il doit être entre 15 et 75 cm (par exemple 48,5).",
      "perimetre-age":
        "Ce périmètre crânien est très loin de ce qui est possible à l'âge qu'avait l'enfant ce jour-là : vérifiez qu'il est en centimètres et la place de la virgule.",
      invraisemblable:
        "Le poids et la taille donnent ensemble un IMC très loin de ce qui est possible à cet âge : vérifiez que le poids est en kilogrammes, la taille en centimètres, et la place de la virgule.",
      /** After a refused value, beside it: the other values typed are still in the form, not yet in the carnet. */
      nothingSaved: "Rien n'a été enregistré : corrigez cette valeur, puis ajoutez à nouveau.",
      espace: "Cet espace n'est plus celui où vous agissez (votre accès a changé, ou l'enfant a eu 18 ans) : rien n'a été enregistré.",
      refuse: "Vous ne pouvez pas ajouter de mesure dans cet espace.",
      echec: "La mesure n'a pas pu être enregistrée. Réessayez.",
    },
  },
};
