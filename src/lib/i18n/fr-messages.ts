import { plural } from "./plural";
/** The secure messaging, in French. */
export const frMessaging = {
  messaging: {
    title: "Messagerie sécurisée",
    intro: {
      yours: "Échangez avec les professionnels de santé que vous avez autorisés. Les messages sont conservés dans votre dossier.",
      theirs: "Échangez avec les professionnels de santé autorisés à voir le dossier de {person}. Les messages sont conservés dans son dossier.",
    },
    proTitle: "Messagerie sécurisée",
    proIntro: "Vos conversations avec vos patients. Un patient qui vous a bloqué ou dont l'autorisation a pris fin n'apparaît plus.",
    conversations: "Conversations",
    noConversation: "Aucune conversation pour le moment.",
    with: "Avec {name}",
    /** A conversation's <title>: its subject and with whom, so that two open conversations are told apart. */
    conversationTitle: "{subject} — avec {name}",
    unread: plural({ one: "{count} non lu", other: "{count} non lus" }),
    // On the professional's home, a link to their inbox; nothing said when there are none (src/pages/pro/index.tsx).
    proHomeUnread: plural({ one: "{count} message non lu", other: "{count} messages non lus" }),
    lastMessage: "Dernier message de {name}, le {date}",
    noSubject: "Sans objet",
    /** A conversation without a subject, called by its opening words (conversation-title.ts); French quotes, with their non-breaking spaces. */
    opening: "«\u00a0{words}\u00a0»",
    newTitle: "Nouveau message",
    recipient: "Destinataire",
    recipientHint: {
      yours: "Seuls les professionnels que vous autorisez aujourd'hui peuvent recevoir vos messages.",
      theirs: "Seuls les professionnels autorisés aujourd'hui à voir le dossier de {person} peuvent recevoir ces messages.",
    },
    noRecipient: {
      yours: "Aucun professionnel ne peut recevoir de message : autorisez d'abord un professionnel dans « Partage et confidentialité ».",
      // Not « autorisez » to whoever acts for the person: the choice is the person's, and a caregiver may not make it.
      theirs: "Aucun professionnel ne peut recevoir de message : aucun n'est autorisé aujourd'hui à voir le dossier de {person}.",
    },
    cannotWrite: "Vous pouvez lire les messages de cet espace, mais pas en écrire : la personne ne vous a pas donné ce droit.",
    /** Agreeing with the professional's recorded gender (Dr Inès Moreau read « il n'a pas accès »); worded so that nothing agrees where it is not recorded. */
    recipientGone: {
      female: {
        yours: "Cette professionnelle ne peut plus recevoir vos messages : elle n'a pas accès à votre dossier aujourd'hui (bloquée, ou autorisation terminée). Vous pouvez relire cette conversation.",
        theirs:
          "Cette professionnelle ne peut plus recevoir de messages de cet espace : elle n'a pas accès au dossier de {person} aujourd'hui (bloquée, ou autorisation terminée). Vous pouvez relire cette conversation.",
      },
      male: {
        yours: "Ce professionnel ne peut plus recevoir vos messages : il n'a pas accès à votre dossier aujourd'hui (bloqué, ou autorisation terminée). Vous pouvez relire cette conversation.",
        theirs:
          "Ce professionnel ne peut plus recevoir de messages de cet espace : il n'a pas accès au dossier de {person} aujourd'hui (bloqué, ou autorisation terminée). Vous pouvez relire cette conversation.",
      },
      unknown: {
        yours: "Vos messages ne peuvent plus être envoyés dans cette conversation : l'accès à votre dossier n'est pas ouvert aujourd'hui à ce destinataire (blocage, ou autorisation terminée). Vous pouvez relire cette conversation.",
        theirs:
          "Les messages de cet espace ne peuvent plus être envoyés dans cette conversation : l'accès au dossier de {person} n'est pas ouvert aujourd'hui à ce destinataire (blocage, ou autorisation terminée). Vous pouvez relire cette conversation.",
      },
    },
    /**
     * Beside « aucun professionnel » and « ne peut plus recevoir vos messages », to the patient only:
     * the page that lets a professional in again was named, not linked (found by the walk of the
     * messaging). Not in another person's space, where the choice is hers.
     */
    sharingLink: "Aller à « Partage et confidentialité »",
    patient: "Patient",
    choosePatient: "Choisissez le patient",
    chooseRecipient: "Choisissez le professionnel",
    noPatient: "Aucun patient ne vous autorise aujourd'hui : vous ne pouvez écrire à personne.",
    subject: "Objet (facultatif)",
    model: "Modèle",
    modelNone: "Message libre",
    modelPrevention: "Plan de prévention (après un bilan de prévention)",
    text: "Votre message",
    textHint: "Texte simple, 5 000 caractères au plus. Les liens http et https deviennent cliquables.",
    document: "Joindre un document du dossier (facultatif)",
    documentNone: "Aucun document",
    file: "Ou joindre un nouveau fichier (facultatif)",
    fileAlone: "Joindre un fichier (facultatif)",
    // In place of the file field, for a caregiver whose delegation does not let her add documents (a file joined is added to them).
    fileOutOfReach: "Joindre un nouveau fichier n'est pas possible avec les droits de votre délégation : il s'ajouterait aux documents du dossier. Si vous en avez besoin, la personne peut ajouter ce droit à votre délégation, depuis « Proches et délégations » dans son espace.",
    fileHint: { yours: "PDF, JPEG ou PNG, 20 Mo au plus. Il est ajouté à vos documents.", theirs: "PDF, JPEG ou PNG, 20 Mo au plus. Il est ajouté aux documents de {person}." },
    fileHintPro: "PDF, JPEG ou PNG, 20 Mo au plus. Il est ajouté aux documents du patient.",
    send: "Envoyer",
    reply: "Répondre",
    replyTitle: "Votre réponse",
    back: "Toutes les conversations",
    thread: "Messages de la conversation",
    from: "De {name}",
    sentOn: "Envoyé le {date}",
    readOn: "Lu le {date}",
    notRead: "Pas encore lu",
    withdrawn: "Message retiré",
    withdraw: "Retirer ce message",
    withdrawHint: "Possible pendant cinq minutes après l'envoi.",
    attachment: "Pièce jointe : {title}",
    attachmentUnavailable: "Pièce jointe non disponible",
    writeToPatient: "Écrire au patient",
    link: "Messagerie",
    /** A document refused as an attachment, named, and why (refused-attachment-notice.ts); no « vous »: a caregiver may be the writer. */
    documentRefused: "Rien n'a été envoyé : le document « {document} » ne peut pas être joint, car {why}",
    attachmentBars: {
      masque: "il est masqué aux professionnels de santé dans les choix de partage du dossier : {recipient} ne peut pas le voir.",
      restreint: "il est en accès restreint, et {recipient} n'a pas accès aux documents restreints de ce dossier.",
      secret: "il est secret : aucun professionnel de santé ne peut le voir.",
      "secret-mineur": "ce patient mineur a demandé le secret à son sujet, et ses représentants légaux lisent cette conversation.",
      autre: "{recipient} n'a pas le droit de le voir.",
    },
    someProfessional: "ce professionnel",
    notices: {
      envoye: "Votre message a été envoyé.",
      retire: "Le message a été retiré.",
      // The file sent with it was added to the record, where the professional still sees it: a
      // person who withdrew « the wrong file » must not believe it gone.
      retire_document: "Le message a été retiré. Le document joint, lui, reste dans le dossier, parmi les documents.",
      texte: "Le message doit contenir entre 1 et 5 000 caractères de texte.",
      sujet: "L'objet tient sur une ligne de 120 caractères au plus.",
      // Neutral: the notice comes back through the URL and does not know who was chosen.
      destinataire: "Ce destinataire ne peut pas recevoir de message : l'accès à votre dossier ne lui est pas ouvert aujourd'hui. Rien n'a été envoyé.",
      document: "Ce document ne peut pas être joint : le destinataire n'a pas le droit de le voir. Rien n'a été envoyé.",
      // Said at the file field too (notices.ts): what is expected, not only « type ou taille refusés », which left the writer to guess which.
      fichier: "Ce fichier n'a pas pu être joint : il faut un PDF, une image JPEG ou PNG, de 20 Mo au plus. Rien n'a été envoyé : choisissez un autre fichier, ou envoyez sans fichier.",
      // A caregiver whose delegation does not let her add documents: the file would be one of the person's documents.
      fichier_droit:
        "Ce fichier n'a pas été joint : un fichier joint s'ajoute aux documents du dossier, ce qui n'est pas possible avec les droits de votre délégation. Rien n'a été envoyé : envoyez votre message sans fichier. Si vous en avez besoin, la personne peut ajouter ce droit à votre délégation, depuis « Proches et délégations » dans son espace.",
      retrait_tardif: "Un message ne peut plus être retiré plus de cinq minutes après son envoi.",
      interdit: "Vous ne pouvez pas faire cela.",
      occupe: "Trop d'envois de fichiers sont en cours en ce moment. Rien n'a été envoyé : réessayez dans une minute.",
      trop: "Vous avez envoyé beaucoup de messages dans l'heure. Celui-ci n'a pas été envoyé : réessayez plus tard.",
      echec: "L'action n'a pas pu être faite. Réessayez.",
    },
  },
};
