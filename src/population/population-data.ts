import { weights } from './prng.ts';

export type ProvinceCode =
  'NL' | 'PE' | 'NS' | 'NB' | 'QC' | 'ON' | 'MB' | 'SK' | 'AB' | 'BC' | 'YT' | 'NT' | 'NU';

// Statistics Canada, Table 17-10-0009-01, population estimates for 1 January 2025 (thousands).
export const PROVINCE_POPULATION = weights<ProvinceCode>({
  ON: 16_124,
  QC: 9_056,
  BC: 5_720,
  AB: 4_960,
  MB: 1_505,
  SK: 1_240,
  NS: 1_090,
  NB: 862,
  NL: 545,
  PE: 180,
  NT: 45,
  YT: 47,
  NU: 41,
});

// Share of people whose first official language spoken is French (2021 Census, rounded).
export const FRENCH_SHARE: Readonly<Record<ProvinceCode, number>> = {
  QC: 0.8,
  NB: 0.31,
  ON: 0.04,
  MB: 0.03,
  PE: 0.03,
  NS: 0.03,
  YT: 0.04,
  NT: 0.03,
  AB: 0.02,
  SK: 0.01,
  BC: 0.01,
  NU: 0.02,
  NL: 0.01,
};

// Common-law couples as a share of couples (2021 Census): far higher in Quebec.
export const COMMON_LAW_SHARE: Readonly<Record<ProvinceCode, number>> = {
  QC: 0.43,
  NB: 0.23,
  NU: 0.5,
  NT: 0.38,
  YT: 0.33,
  NL: 0.2,
  PE: 0.18,
  NS: 0.21,
  ON: 0.13,
  MB: 0.16,
  SK: 0.17,
  AB: 0.16,
  BC: 0.18,
};

export interface NamePool {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
}

// Space-separated so the lists stay compact; no name here contains a space.
const words = (list: string): readonly string[] => list.split(' ');

export const ENGLISH_NAMES: NamePool = {
  female: words(
    'Olivia Emma Charlotte Amelia Sophia Ava Chloe Emily Hannah Sarah Jessica Ashley Jennifer ' +
      'Michelle Karen Susan Linda Margaret Patricia Barbara Priya Mei Fatima Aaliyah Grace Maya ' +
      'Harper Abigail Megan Laura',
  ),
  male: words(
    'Liam Noah Oliver Benjamin Lucas Ethan Jack William James Logan Michael David Robert John ' +
      'Christopher Daniel Matthew Ryan Kevin Brian Arjun Wei Mohammed Omar Ravi Samuel Owen ' +
      'Connor Tyler Gordon',
  ),
  family: words(
    'Smith Brown Tremblay Martin Roy Wilson MacDonald Taylor Campbell Anderson Johnson Williams ' +
      "Jones Miller Thompson White Clark Young Walker Scott Stewart Robertson Murphy O'Brien " +
      'Fraser Reid Morrison Mitchell Hughes Hill Singh Patel Li Wang Chen Nguyen Kim Ali Khan ' +
      'Gill',
  ),
};

export const FRENCH_NAMES: NamePool = {
  female: words(
    'Léa Emma Charlotte Florence Alice Zoé Béatrice Juliette Rosalie Camille Marie Julie ' +
      'Isabelle Nathalie Sylvie Chantal Josée Geneviève Mélanie Véronique Monique Lise Francine ' +
      'Ginette Hélène Élise Anaïs Maëlle Noémie Amira',
  ),
  male: words(
    'William Thomas Liam Noah Jacob Félix Léo Édouard Louis Nathan Jean Pierre Michel Luc ' +
      'Stéphane Sébastien Mathieu François Martin Éric Gilles Réjean Gaétan André Benoît Jérôme ' +
      'Olivier Antoine Maxime Karim',
  ),
  family: words(
    'Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier ' +
      'Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier ' +
      "Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault D'Amours St-Pierre " +
      'Desjardins Mercier Thériault Richard Cormier Haddad Nguyen',
  ),
};
