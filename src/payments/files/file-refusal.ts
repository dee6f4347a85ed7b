/** Why a bank file is refused, as a code the views translate, with the line it was found on. */
export const REFUSAL_MESSAGES = {
  'record-length': [
    'The record is not 1,464 characters long.',
    'L’enregistrement ne compte pas 1 464 caractères.',
  ],
  'invalid-character': [
    'The record holds a character banks do not accept.',
    'L’enregistrement contient un caractère que les banques n’acceptent pas.',
  ],
  'header-missing': [
    'The file does not begin with its header record.',
    'Le fichier ne commence pas par son enregistrement d’en-tête.',
  ],
  'unexpected-record-type': [
    'The record type is not allowed here.',
    'Ce type d’enregistrement n’est pas permis ici.',
  ],
  'mixed-record-types': [
    'The file mixes payments and returned items.',
    'Le fichier mêle des paiements et des effets retournés.',
  ],
  'record-count-sequence': [
    'The record number is duplicated or out of sequence.',
    'Le numéro d’enregistrement est en double ou hors séquence.',
  ],
  'originator-mismatch': [
    "The originator's ID differs from the header's.",
    'L’identifiant de l’émetteur diffère de celui de l’en-tête.',
  ],
  'file-creation-number-mismatch': [
    'The file creation number differs from the header’s.',
    'Le numéro de création du fichier diffère de celui de l’en-tête.',
  ],
  'invalid-header': ['The header record is malformed.', 'L’enregistrement d’en-tête est mal formé.'],
  'invalid-date': ['A date is not a valid calendar date.', 'Une date n’est pas une date valide.'],
  'invalid-amount': [
    'An amount is not a whole number of cents.',
    'Un montant n’est pas un nombre entier de cents.',
  ],
  'zero-amount': [
    'A payment of zero or less is never paid.',
    'Un paiement de zéro ou moins n’est jamais versé.',
  ],
  'invalid-transaction-code': [
    'The CPA transaction code is not a credit code.',
    'Le code d’opération de l’ACP n’est pas un code de crédit.',
  ],
  'invalid-institution': [
    'The institution or transit number is malformed.',
    'Le numéro d’institution ou de transit est mal formé.',
  ],
  'unknown-institution': [
    'The financial institution number is unknown.',
    'Le numéro d’institution financière est inconnu.',
  ],
  'invalid-account': ['The account number is malformed.', 'Le numéro de compte est mal formé.'],
  'missing-payee-name': ["The payee's name is missing.", 'Le nom du bénéficiaire est absent.'],
  'missing-reference': ["The payment's reference is missing.", 'La référence du paiement est absente.'],
  'duplicate-reference': [
    'The same payment reference appears twice.',
    'La même référence de paiement figure deux fois.',
  ],
  'data-after-blank-segment': ['A segment follows a blank segment.', 'Un segment suit un segment vide.'],
  'empty-record': ['The record holds no transaction.', 'L’enregistrement ne contient aucune opération.'],
  'trailer-missing': [
    'The file does not end with its trailer record.',
    'Le fichier ne se termine pas par son enregistrement de fin.',
  ],
  'data-after-trailer': [
    'Records follow the trailer.',
    'Des enregistrements suivent l’enregistrement de fin.',
  ],
  'trailer-count-mismatch': [
    'The number of transactions differs from the trailer’s count.',
    'Le nombre d’opérations diffère du total de l’enregistrement de fin.',
  ],
  'trailer-total-mismatch': [
    'The total of the amounts differs from the trailer’s total.',
    'La somme des montants diffère du total de l’enregistrement de fin.',
  ],
  'duplicate-file-creation-number': [
    'This file creation number was already received from this originator.',
    'Ce numéro de création de fichier a déjà été reçu de cet émetteur.',
  ],
  'duplicate-message-id': [
    'This message identification was already received from this party.',
    'Cette identification de message a déjà été reçue de cette partie.',
  ],
  'malformed-xml': ['The file is not well-formed XML.', 'Le fichier n’est pas un XML bien formé.'],
  'unexpected-element': ['An element is not expected here.', 'Un élément n’est pas attendu ici.'],
  'missing-element': ['A required element is missing.', 'Un élément obligatoire est absent.'],
  'invalid-currency': ['The currency is not Canadian dollars.', 'La devise n’est pas le dollar canadien.'],
  'invalid-clearing-system': [
    'The clearing system is not the Canadian one (CACPA).',
    'Le système de compensation n’est pas le système canadien (CACPA).',
  ],
} as const satisfies Record<string, readonly [en: string, fr: string]>;

export type RefusalCode = keyof typeof REFUSAL_MESSAGES;

export class FileRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    /** 1-based line of the file (a CPA 005 record, or the XML line where the element ends). */
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Line ${line}: ${REFUSAL_MESSAGES[code][0]} ${detail}`.trim());
  }
}

export function describeRefusal(refusal: FileRefusedError, lang: 'en' | 'fr'): string {
  const [en, fr] = REFUSAL_MESSAGES[refusal.code];
  return lang === 'en' ? `Line ${refusal.line}: ${en}` : `Ligne ${refusal.line} : ${fr}`;
}
