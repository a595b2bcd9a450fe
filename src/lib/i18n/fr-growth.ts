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
    /** What the page says after the form was sent (?message=…, growth-notices.ts gives each its tone). */
    notices: {
      ajoute: "La mesure a été ajoutée au carnet de santé.",
      vide: "Indiquez au moins une mesure : le poids, la taille ou le périmètre crânien.",
      date: "La date de la mesure doit être une date réelle, au plus tard aujourd'hui.",
      naissance: "La date de la mesure ne peut pas être antérieure à la naissance.",
      poids: "Le poids doit être un nombre de kilos entre 0,3 et 250 (par exemple 18,5).",
      taille: "La taille doit être un nombre de centimètres entre 20 et 250 (par exemple 112,5).",
      perimetre: "Le périmètre crânien doit être un nombre de centimètres entre 15 et 75.",
      invraisemblable: "Cette valeur est très éloignée de ce qui est possible à cet âge : vérifiez l'unité et la virgule. Rien n'a été enregistré.",
      espace: "Cet espace n'est plus celui où vous agissez (votre accès a changé, ou l'enfant a eu 18 ans) : rien n'a été enregistré.",
      refuse: "Vous ne pouvez pas ajouter de mesure dans cet espace.",
      echec: "La mesure n'a pas pu être enregistrée. Réessayez.",
    },
  },
};
