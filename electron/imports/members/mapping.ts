import { MEMBER_IMPORT_FIELDS } from '../../../shared/api/contract';

/**
 * Which column of a member list means what. Auto-detected from the header, in Dutch and English,
 * the way club administrations (Sportlink, e-Captain, AllUnited, Excel sheets) name them.
 */
export const MEMBER_FIELDS = MEMBER_IMPORT_FIELDS;
export type MemberField = (typeof MEMBER_FIELDS)[number];

const SYNONYMS: Record<MemberField, string[]> = {
  number: ['lidnummer', 'lidnr', 'relatienummer', 'relatiecode', 'debiteurnummer', 'nummer', 'nr', 'membernumber', 'memberno', 'memberid', 'number', 'id'],
  name: ['naam', 'volledigenaam', 'name', 'fullname', 'lid', 'member'],
  firstName: ['voornaam', 'roepnaam', 'firstname', 'givenname', 'voorletters', 'initials'],
  particle: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'infix', 'prefix'],
  lastName: ['achternaam', 'familienaam', 'lastname', 'surname', 'familyname'],
  email: ['email', 'emailadres', 'mail', 'emailaddress'],
  phone: ['telefoon', 'telefoonnummer', 'mobiel', 'mobielnummer', 'phone', 'mobile', 'tel'],
  street: ['straat', 'adres', 'straatnaam', 'street', 'address', 'streetname'],
  houseNumber: ['huisnummer', 'huisnr', 'housenumber', 'number house'],
  postalCode: ['postcode', 'zip', 'zipcode', 'postalcode', 'postcode woonplaats'],
  city: ['woonplaats', 'plaats', 'city', 'town', 'place'],
  country: ['land', 'country', 'landcode', 'countrycode'],
  iban: ['iban', 'rekeningnummer', 'bankrekening', 'bankrekeningnummer', 'rekening', 'account', 'accountnumber', 'bankaccount'],
  bic: ['bic', 'swift', 'bicode', 'swiftcode'],
  accountHolder: ['tenaamstelling', 'rekeninghouder', 'tennamevan', 'accountholder', 'accountname'],
  paymentMethod: ['betaalwijze', 'betaalmethode', 'incasso', 'automatischeincasso', 'paymentmethod', 'payment', 'directdebit'],
  mandateReference: ['machtigingskenmerk', 'kenmerkmachtiging', 'machtigingsid', 'machtiging', 'mandaat', 'mandaatreferentie', 'mandatereference', 'mandateid', 'mandate'],
  mandateSignedOn: ['datummachtiging', 'machtigingsdatum', 'ondertekend', 'datumondertekening', 'mandatedate', 'signaturedate', 'signedon', 'dateofsignature'],
  mandateType: ['soortmachtiging', 'typemachtiging', 'mandatetype'],
  language: ['taal', 'language', 'correspondentietaal'],
  notes: ['opmerking', 'opmerkingen', 'notitie', 'notities', 'notes', 'remarks', 'comment'],
  feeAmount: ['contributie', 'contributiebedrag', 'lidmaatschapsgeld', 'bedrag', 'fee', 'membershipfee', 'amount'],
  discount: ['incassokorting', 'korting', 'discount', 'collectiondiscount'],
  tags: ['groep', 'groepen', 'team', 'teams', 'categorie', 'lidsoort', 'soortlid', 'tags', 'group', 'groups', 'category'],
};

function normalise(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export type Mapping = Partial<Record<MemberField, number>>;

/** Exact synonyms win over partial ones; each field takes the first column that fits. */
export function detectMapping(headers: string[]): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<number>();
  const normalised = headers.map(normalise);
  for (const exact of [true, false]) {
    for (const field of MEMBER_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const index = normalised.findIndex(
        (h, i) => !taken.has(i) && h !== '' && SYNONYMS[field].some((s) => (exact ? h === normalise(s) : normalise(s).length >= 4 && h.includes(normalise(s)))),
      );
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  }
  return mapping;
}
